import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSignIns1796613963839 implements MigrationInterface {
  name = 'AddSignIns1796613963839';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sign_ins" ("id" BIGSERIAL NOT NULL, "user_id" uuid NOT NULL, "address" text NOT NULL, "known_device" boolean NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4579b825694df5090ed8a003735" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8422c9a1b0bae574cb63199d92" ON "sign_ins" ("user_id", "at") `);
    await queryRunner.query(`ALTER TABLE "login_failures" ADD "known_device" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "login_failures" DROP COLUMN "known_device"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8422c9a1b0bae574cb63199d92"`);
    await queryRunner.query(`DROP TABLE "sign_ins"`);
  }
}
