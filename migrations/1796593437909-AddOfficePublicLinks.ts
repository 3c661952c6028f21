import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddOfficePublicLinks1796593437909 implements MigrationInterface {
  name = 'AddOfficePublicLinks1796593437909';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offices" ADD "imprint_url" text`);
    await queryRunner.query(`ALTER TABLE "offices" ADD "privacy_url" text`);
    await queryRunner.query(`ALTER TABLE "offices" ADD "accessibility_url" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offices" DROP COLUMN "accessibility_url"`);
    await queryRunner.query(`ALTER TABLE "offices" DROP COLUMN "privacy_url"`);
    await queryRunner.query(`ALTER TABLE "offices" DROP COLUMN "imprint_url"`);
  }
}
