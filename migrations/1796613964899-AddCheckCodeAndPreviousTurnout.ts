import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCheckCodeAndPreviousTurnout1796613964899 implements MigrationInterface {
  name = 'AddCheckCodeAndPreviousTurnout1796613964899';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "polling_day_settings" ADD "check_code_required" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "polling_day_settings" ADD "previous_turnout" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "turnout_publications" ADD "member_versions" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "turnout_publications" DROP COLUMN "member_versions"`);
    await queryRunner.query(`ALTER TABLE "polling_day_settings" DROP COLUMN "previous_turnout"`);
    await queryRunner.query(`ALTER TABLE "polling_day_settings" DROP COLUMN "check_code_required"`);
  }
}
