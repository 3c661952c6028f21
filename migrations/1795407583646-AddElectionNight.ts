import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddElectionNight1795407583646 implements MigrationInterface {
  name = 'AddElectionNight1795407583646';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "election_audit_entries" ("election_id" uuid NOT NULL, "seq" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "actor_name" text NOT NULL, "actor_role" text NOT NULL, "action" text NOT NULL, "district_id" uuid, "version" integer, "old_value" jsonb, "new_value" jsonb, "reason" text, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_e98e79370701a21cccd6f158440" PRIMARY KEY ("election_id", "seq"))`);
    await queryRunner.query(`CREATE TABLE "election_audit_heads" ("election_id" uuid NOT NULL, "last_seq" integer NOT NULL, "last_hash" text NOT NULL, CONSTRAINT "PK_425b0262a2bd88a5bd68f09901a" PRIMARY KEY ("election_id"))`);
    await queryRunner.query(`CREATE TABLE "election_audit_pending" ("id" BIGSERIAL NOT NULL, "election_id" uuid NOT NULL, "event" jsonb NOT NULL, CONSTRAINT "PK_99f2895052731b3480cbf4cec42" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_d51f44cf49d4f5b058ce50df0a" ON "election_audit_pending" ("election_id", "id") `);
    await queryRunner.query(`CREATE TABLE "board_access_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "office_id" uuid NOT NULL, "code_hash" text NOT NULL, "district_ids" uuid array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" uuid, "sign_ins" integer NOT NULL DEFAULT '0', "last_sign_in_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_026c5065630a170cf1bd2184ff2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_4f64e60ab9f733dc9e4f9402f9" ON "board_access_codes" ("election_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_53f261c6b4a8338de321499e5a" ON "board_access_codes" ("code_hash") `);
    await queryRunner.query(`CREATE TABLE "election_night_districts" ("district_id" uuid NOT NULL, "election_id" uuid NOT NULL, "state" text NOT NULL DEFAULT 'missing', "current_version" integer NOT NULL DEFAULT '0', "counted_version" integer, "counted_revision" integer NOT NULL DEFAULT '0', "pending" jsonb NOT NULL DEFAULT '[]', "compared_version" integer, "confirmed_by_name" text, "rejection_reason" text, "updated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ae09a9a70b321f38ab16abb78e4" PRIMARY KEY ("district_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9aab07eb889dcc8bdc97b4f88c" ON "election_night_districts" ("election_id") `);
    await queryRunner.query(`CREATE TABLE "election_night_idempotency" ("actor_id" uuid NOT NULL, "key" text NOT NULL, "election_id" uuid NOT NULL, "request_hash" text NOT NULL, "status" integer NOT NULL, "response" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_873b12d3d52289bdea0f4d45076" PRIMARY KEY ("actor_id", "key"))`);
    await queryRunner.query(`CREATE INDEX "IDX_4f400c8c50bc9ff9054181972c" ON "election_night_idempotency" ("election_id") `);
    await queryRunner.query(`CREATE TABLE "election_night_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "district_id" uuid NOT NULL, "version" integer NOT NULL, "kind" text NOT NULL, "report" jsonb NOT NULL, "fingerprint" text NOT NULL, "warnings" jsonb NOT NULL, "confirmations" jsonb NOT NULL, "reason" text, "entered_by" uuid NOT NULL, "entered_by_name" text NOT NULL, "entered_by_role" text NOT NULL, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_de3aa376f92faa5951c261c11f3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_46b349ea9cddce669218a47b2b" ON "election_night_reports" ("election_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9145088188fb93d00788dbd9b3" ON "election_night_reports" ("district_id", "version") `);
    await queryRunner.query(`ALTER TABLE "sessions" ADD "board_scope" jsonb`);
    await queryRunner.query(`ALTER TABLE "board_access_codes" ADD CONSTRAINT "FK_4f64e60ab9f733dc9e4f9402f93" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "election_night_districts" ADD CONSTRAINT "FK_ae09a9a70b321f38ab16abb78e4" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "election_night_districts" ADD CONSTRAINT "FK_9aab07eb889dcc8bdc97b4f88cb" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "election_night_reports" ADD CONSTRAINT "FK_46b349ea9cddce669218a47b2b3" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "election_night_reports" ADD CONSTRAINT "FK_0eeae9d89f3c43151b9960f5760" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "election_night_reports" DROP CONSTRAINT "FK_0eeae9d89f3c43151b9960f5760"`);
    await queryRunner.query(`ALTER TABLE "election_night_reports" DROP CONSTRAINT "FK_46b349ea9cddce669218a47b2b3"`);
    await queryRunner.query(`ALTER TABLE "election_night_districts" DROP CONSTRAINT "FK_9aab07eb889dcc8bdc97b4f88cb"`);
    await queryRunner.query(`ALTER TABLE "election_night_districts" DROP CONSTRAINT "FK_ae09a9a70b321f38ab16abb78e4"`);
    await queryRunner.query(`ALTER TABLE "board_access_codes" DROP CONSTRAINT "FK_4f64e60ab9f733dc9e4f9402f93"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "board_scope"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9145088188fb93d00788dbd9b3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_46b349ea9cddce669218a47b2b"`);
    await queryRunner.query(`DROP TABLE "election_night_reports"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4f400c8c50bc9ff9054181972c"`);
    await queryRunner.query(`DROP TABLE "election_night_idempotency"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9aab07eb889dcc8bdc97b4f88c"`);
    await queryRunner.query(`DROP TABLE "election_night_districts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_53f261c6b4a8338de321499e5a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4f64e60ab9f733dc9e4f9402f9"`);
    await queryRunner.query(`DROP TABLE "board_access_codes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d51f44cf49d4f5b058ce50df0a"`);
    await queryRunner.query(`DROP TABLE "election_audit_pending"`);
    await queryRunner.query(`DROP TABLE "election_audit_heads"`);
    await queryRunner.query(`DROP TABLE "election_audit_entries"`);
  }
}
