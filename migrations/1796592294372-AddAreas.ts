import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAreas1796592294372 implements MigrationInterface {
  name = 'AddAreas1796592294372';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "areas" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "ordinal" integer NOT NULL, "key" text NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "parent_id" uuid, CONSTRAINT "PK_5110493f6342f34c978c084d0d6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_86373c0dc23df246c2b6ac977c" ON "areas" ("parent_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6fdb7ce6e2fd233233774a9344" ON "areas" ("election_id", "key") `);
    await queryRunner.query(`ALTER TABLE "districts" ADD "area_id" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_d7599f223ad2efa2b5f8088cfc" ON "districts" ("area_id") `);
    await queryRunner.query(`ALTER TABLE "areas" ADD CONSTRAINT "FK_ca69f9155db7175f28321abd28c" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "areas" ADD CONSTRAINT "FK_86373c0dc23df246c2b6ac977c3" FOREIGN KEY ("parent_id") REFERENCES "areas"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "districts" ADD CONSTRAINT "FK_d7599f223ad2efa2b5f8088cfcb" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "districts" DROP CONSTRAINT "FK_d7599f223ad2efa2b5f8088cfcb"`);
    await queryRunner.query(`ALTER TABLE "areas" DROP CONSTRAINT "FK_86373c0dc23df246c2b6ac977c3"`);
    await queryRunner.query(`ALTER TABLE "areas" DROP CONSTRAINT "FK_ca69f9155db7175f28321abd28c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d7599f223ad2efa2b5f8088cfc"`);
    await queryRunner.query(`ALTER TABLE "districts" DROP COLUMN "area_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6fdb7ce6e2fd233233774a9344"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_86373c0dc23df246c2b6ac977c"`);
    await queryRunner.query(`DROP TABLE "areas"`);
  }
}
