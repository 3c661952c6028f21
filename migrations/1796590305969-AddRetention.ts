import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRetention1796590305969 implements MigrationInterface {
  name = 'AddRetention1796590305969';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "retention_holds" ("election_id" uuid NOT NULL, "reason" text NOT NULL, "note" text NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL, "set_by_username" text NOT NULL, CONSTRAINT "PK_208d831261a10a505bea2406640" PRIMARY KEY ("election_id"))`);
    await queryRunner.query(`CREATE TABLE "retention_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "category" text NOT NULL, "ran_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deleted" integer NOT NULL, "by_username" text NOT NULL, CONSTRAINT "PK_80f0aec401112f8d4bad156a908" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_83fd879e6886a77828b6dbd553" ON "retention_runs" ("election_id", "category", "ran_at") `);
    await queryRunner.query(`ALTER TABLE "retention_holds" ADD CONSTRAINT "FK_208d831261a10a505bea2406640" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "retention_runs" ADD CONSTRAINT "FK_d1a6b6b129dc0c117561c5426f2" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "retention_runs" DROP CONSTRAINT "FK_d1a6b6b129dc0c117561c5426f2"`);
    await queryRunner.query(`ALTER TABLE "retention_holds" DROP CONSTRAINT "FK_208d831261a10a505bea2406640"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_83fd879e6886a77828b6dbd553"`);
    await queryRunner.query(`DROP TABLE "retention_runs"`);
    await queryRunner.query(`DROP TABLE "retention_holds"`);
  }
}
