import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPostalRepeatNotices1796585889200 implements MigrationInterface {
  name = 'AddPostalRepeatNotices1796585889200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "postal_repeat_notices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "serial" integer NOT NULL, "election_id" uuid NOT NULL, "office_id" uuid NOT NULL, "application_id" uuid NOT NULL, "voter_id" integer NOT NULL, "channel" text NOT NULL, "requested_delivery" text NOT NULL, "with_representative" boolean NOT NULL DEFAULT false, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "notified_at" TIMESTAMP WITH TIME ZONE, "notified_by_username" text, CONSTRAINT "UQ_4765683da91835da01c52bba082" UNIQUE ("serial"), CONSTRAINT "PK_e0e153290c39c5ece9b1dab3995" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_3ac3464d4f7e7fe81645a5e694" ON "postal_repeat_notices" ("election_id", "notified_at", "received_at") `);
    await queryRunner.query(`ALTER TABLE "postal_repeat_notices" ADD CONSTRAINT "FK_b2f9be9e138cac42757bee37fcb" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "postal_repeat_notices" ADD CONSTRAINT "FK_ab33aa2e0aa903e15365e84a2a9" FOREIGN KEY ("application_id") REFERENCES "postal_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "postal_repeat_notices" DROP CONSTRAINT "FK_ab33aa2e0aa903e15365e84a2a9"`);
    await queryRunner.query(`ALTER TABLE "postal_repeat_notices" DROP CONSTRAINT "FK_b2f9be9e138cac42757bee37fcb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3ac3464d4f7e7fe81645a5e694"`);
    await queryRunner.query(`DROP TABLE "postal_repeat_notices"`);
  }
}
