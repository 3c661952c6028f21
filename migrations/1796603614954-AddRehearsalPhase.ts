import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRehearsalPhase1796603614954 implements MigrationInterface {
  name = 'AddRehearsalPhase1796603614954';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "elections" ADD "results_phase" text NOT NULL DEFAULT 'live'`);
    await queryRunner.query(`ALTER TABLE "election_night_reports" ADD "phase" text NOT NULL DEFAULT 'live'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "election_night_reports" DROP COLUMN "phase"`);
    await queryRunner.query(`ALTER TABLE "elections" DROP COLUMN "results_phase"`);
  }
}
