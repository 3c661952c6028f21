import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SlimRegisterRows1795411667312 implements MigrationInterface {
  name = 'SlimRegisterRows1795411667312';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "register_rows" DROP COLUMN "move_in_date"`);
    await queryRunner.query(`ALTER TABLE "register_rows" DROP COLUMN "arrived_from_abroad"`);
    await queryRunner.query(`ALTER TABLE "register_rows" DROP COLUMN "excluded_from_voting"`);
    await queryRunner.query(`ALTER TABLE "register_rows" DROP COLUMN "house_number_suffix"`);
    await queryRunner.query(`ALTER TABLE "register_rows" DROP COLUMN "birth_name"`);
    await queryRunner.query(`ALTER TABLE "register_rows" DROP COLUMN "gender"`);
    await queryRunner.query(`ALTER TABLE "register_rows" DROP COLUMN "nationalities"`);
    await queryRunner.query(`ALTER TABLE "register_rows" DROP COLUMN "dwelling_status"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The dropped register facts cannot be restored; the rows are a working copy of the register
    // (import again after going back), and the columns come back NOT NULL only on an empty table.
    await queryRunner.query(`DELETE FROM "register_rows"`);
    await queryRunner.query(`ALTER TABLE "register_rows" ADD "dwelling_status" text NOT NULL`);
    await queryRunner.query(`ALTER TABLE "register_rows" ADD "nationalities" text NOT NULL`);
    await queryRunner.query(`ALTER TABLE "register_rows" ADD "gender" text`);
    await queryRunner.query(`ALTER TABLE "register_rows" ADD "birth_name" text`);
    await queryRunner.query(`ALTER TABLE "register_rows" ADD "house_number_suffix" text`);
    await queryRunner.query(`ALTER TABLE "register_rows" ADD "excluded_from_voting" boolean NOT NULL`);
    await queryRunner.query(`ALTER TABLE "register_rows" ADD "arrived_from_abroad" date`);
    await queryRunner.query(`ALTER TABLE "register_rows" ADD "move_in_date" date`);
  }
}
