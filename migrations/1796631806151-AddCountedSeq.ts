import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 16: a per-row marker of "counted state changed", taken from one sequence in the same UPDATE
// that moves counted_revision, so an API process catches up with another's reports by reading only the
// rows past the highest marker it has applied (AggregationRepository.countedSince).
export class AddCountedSeq1796631806151 implements MigrationInterface {
  name = 'AddCountedSeq1796631806151';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "election_night_counted_seq"`);
    await queryRunner.query(`ALTER TABLE "election_night_districts" ADD "counted_seq" bigint NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `UPDATE "election_night_districts" SET "counted_seq" = nextval('election_night_counted_seq') WHERE "counted_revision" > 0`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5f371bb9658fba3ab5a61d0e33" ON "election_night_districts" ("election_id", "counted_seq") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_5f371bb9658fba3ab5a61d0e33"`);
    await queryRunner.query(`ALTER TABLE "election_night_districts" DROP COLUMN "counted_seq"`);
    await queryRunner.query(`DROP SEQUENCE "election_night_counted_seq"`);
  }
}
