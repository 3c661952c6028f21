import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 16: R8.5's record of what has been public moves from two jsonb values in
// public_results_state (rewritten in full with every version) into rows, so that a publication
// stores only what it adds (apps/api/src/modules/publication/entities/public-record.entities.ts).
export class PublicRecordAsRows1796625648219 implements MigrationInterface {
  name = 'PublicRecordAsRows1796625648219';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "public_released_districts" ("election_id" uuid NOT NULL, "district_id" uuid NOT NULL, "seq" integer NOT NULL, CONSTRAINT "PK_fc5e9253fbd402cec5faeac5024" PRIMARY KEY ("election_id", "district_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_92ee2a3680c14de1ff52d572cc" ON "public_released_districts" ("election_id", "seq") `);
    await queryRunner.query(`CREATE TABLE "public_merged_pairs" ("election_id" uuid NOT NULL, "district_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "seq" integer NOT NULL, CONSTRAINT "PK_9ed190d137dfcff8f3dac412619" PRIMARY KEY ("election_id", "district_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_3f3102a26a75d6b864729dc94b" ON "public_merged_pairs" ("election_id", "seq") `);
    await queryRunner.query(`ALTER TABLE "public_released_districts" ADD CONSTRAINT "FK_f56d15b498c62f947df9f6ba6ba" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "public_merged_pairs" ADD CONSTRAINT "FK_1bd5d789073208a218f5d328e55" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // The stored lists in their order; the pairs numbered after the districts.
    await queryRunner.query(
      `INSERT INTO "public_released_districts" ("election_id", "district_id", "seq")
       SELECT s.election_id, a.value::uuid, a.ordinality FROM "public_results_state" s, jsonb_array_elements_text(s.published_alone) WITH ORDINALITY a`,
    );
    await queryRunner.query(
      `INSERT INTO "public_merged_pairs" ("election_id", "district_id", "partner_id", "seq")
       SELECT s.election_id, p.key::uuid, p.value::uuid, jsonb_array_length(s.published_alone) + p.ordinality
       FROM "public_results_state" s, jsonb_each_text(s.merged_pairs) WITH ORDINALITY p`,
    );
    await queryRunner.query(`ALTER TABLE "public_results_state" DROP COLUMN "published_alone"`);
    await queryRunner.query(`ALTER TABLE "public_results_state" DROP COLUMN "merged_pairs"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "public_results_state" ADD "merged_pairs" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "public_results_state" ADD "published_alone" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(
      `UPDATE "public_results_state" s SET
         published_alone = coalesce((SELECT jsonb_agg(r.district_id::text ORDER BY r.district_id::text) FROM "public_released_districts" r WHERE r.election_id = s.election_id), '[]'),
         merged_pairs = coalesce((SELECT jsonb_object_agg(p.district_id::text, p.partner_id::text) FROM "public_merged_pairs" p WHERE p.election_id = s.election_id), '{}')`,
    );
    await queryRunner.query(`ALTER TABLE "public_merged_pairs" DROP CONSTRAINT "FK_1bd5d789073208a218f5d328e55"`);
    await queryRunner.query(`ALTER TABLE "public_released_districts" DROP CONSTRAINT "FK_f56d15b498c62f947df9f6ba6ba"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3f3102a26a75d6b864729dc94b"`);
    await queryRunner.query(`DROP TABLE "public_merged_pairs"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_92ee2a3680c14de1ff52d572cc"`);
    await queryRunner.query(`DROP TABLE "public_released_districts"`);
  }
}
