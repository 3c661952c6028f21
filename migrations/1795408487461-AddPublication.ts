import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPublication1795408487461 implements MigrationInterface {
  name = 'AddPublication1795408487461';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "public_results_state" ("election_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '0', "published_at" TIMESTAMP WITH TIME ZONE, "content_digest" text, "published_alone" jsonb NOT NULL DEFAULT '[]', "merged_pairs" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_2016426320d2f6135034415520e" PRIMARY KEY ("election_id"))`);
    await queryRunner.query(`ALTER TABLE "public_results_state" ADD CONSTRAINT "FK_2016426320d2f6135034415520e" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "public_results_state" DROP CONSTRAINT "FK_2016426320d2f6135034415520e"`);
    await queryRunner.query(`DROP TABLE "public_results_state"`);
  }
}
