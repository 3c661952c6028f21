import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddElectionRecords1796602089545 implements MigrationInterface {
  name = 'AddElectionRecords1796602089545';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "polling_day_records" ("district_id" uuid NOT NULL, "election_id" uuid NOT NULL, "revision" integer NOT NULL, "record" jsonb NOT NULL, "signatures" jsonb NOT NULL DEFAULT '[]', "saved_by_name" text NOT NULL, "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL, "checked_at" TIMESTAMP WITH TIME ZONE, "checked_by_name" text, CONSTRAINT "PK_f1f827d6dd391dbd126eb4a10f3" PRIMARY KEY ("district_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0a3d8c7b0fa42a94d01aac31e6" ON "polling_day_records" ("election_id") `);
    await queryRunner.query(`ALTER TABLE "polling_day_records" ADD CONSTRAINT "FK_f1f827d6dd391dbd126eb4a10f3" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "polling_day_records" ADD CONSTRAINT "FK_0a3d8c7b0fa42a94d01aac31e60" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "polling_day_records" DROP CONSTRAINT "FK_0a3d8c7b0fa42a94d01aac31e60"`);
    await queryRunner.query(`ALTER TABLE "polling_day_records" DROP CONSTRAINT "FK_f1f827d6dd391dbd126eb4a10f3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0a3d8c7b0fa42a94d01aac31e6"`);
    await queryRunner.query(`DROP TABLE "polling_day_records"`);
  }
}
