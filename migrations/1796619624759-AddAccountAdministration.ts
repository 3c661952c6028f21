import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAccountAdministration1796619624759 implements MigrationInterface {
  name = 'AddAccountAdministration1796619624759';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "function" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`CREATE TABLE "administration_changes" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "office_id" uuid NOT NULL, "user_id" uuid, "changed_by" uuid NOT NULL, "changed_by_name" text NOT NULL, "before" jsonb NOT NULL, "after" jsonb NOT NULL, CONSTRAINT "PK_fdba5642f1e5110c0280070064d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_55ebe356714e219981e350e7bd" ON "administration_changes" ("office_id", "at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_55ebe356714e219981e350e7bd"`);
    await queryRunner.query(`DROP TABLE "administration_changes"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "function"`);
  }
}
