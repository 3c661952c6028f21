import type { MigrationInterface, QueryRunner } from 'typeorm';

// Background jobs moved onto pg-boss (its own schema `pgboss`, set up by pg-boss on start): the
// heartbeats of the home-made job store go.
export class JobsOnPgBoss1796592342023 implements MigrationInterface {
  name = 'JobsOnPgBoss1796592342023';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "polling_card_jobs" DROP COLUMN "heartbeat_at"`);
    await queryRunner.query(`ALTER TABLE "register_imports" DROP COLUMN "heartbeat_at"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "register_imports" ADD "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "polling_card_jobs" ADD "heartbeat_at" TIMESTAMP WITH TIME ZONE`);
  }
}
