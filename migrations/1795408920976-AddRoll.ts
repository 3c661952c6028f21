import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRoll1795408920976 implements MigrationInterface {
  name = 'AddRoll1795408920976';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "register_import_rejects" ("import_id" uuid NOT NULL, "seq" integer NOT NULL, "line_no" integer NOT NULL, "column_name" text, "value" text NOT NULL, "reason" text NOT NULL, CONSTRAINT "PK_febb6ea0c67f7ae704536d9921f" PRIMARY KEY ("import_id", "seq"))`);
    await queryRunner.query(`CREATE TABLE "register_imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "office_id" uuid NOT NULL, "source" text NOT NULL, "status" text NOT NULL, "file_name" text, "content_sha256" text, "encoding" text, "skip_invalid" boolean NOT NULL, "unchanged_from_import_id" uuid, "records_read" integer NOT NULL DEFAULT '0', "rows_imported" integer NOT NULL DEFAULT '0', "rows_rejected" integer NOT NULL DEFAULT '0', "error_count" integer NOT NULL DEFAULT '0', "errors" jsonb NOT NULL DEFAULT '[]', "message" text, "progress_done" bigint NOT NULL DEFAULT '0', "progress_total" bigint, "progress_unit" text NOT NULL, "records_per_second" integer, "residents_entered" integer, "residents_unassigned" integer, "proposals_created" integer, "pull_base_url" text, "pull_page_size" integer, "resumable" boolean NOT NULL DEFAULT false, "created_by_user_id" uuid, "created_by_username" text NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3eb2e4f90030db5a101a31743d8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_55af5f35614b88d28d1bce6fe4" ON "register_imports" ("election_id", "started_at") `);
    await queryRunner.query(`CREATE TABLE "register_pull_pages" ("import_id" uuid NOT NULL, "page_no" integer NOT NULL, "cursor" text, "next_cursor" text, "residents" integer NOT NULL, "body" text NOT NULL, "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c9d7c427297406e27d7abf776f9" PRIMARY KEY ("import_id", "page_no"))`);
    await queryRunner.query(`CREATE TABLE "register_rows" ("import_id" uuid NOT NULL, "line_no" integer NOT NULL, "person_id" text NOT NULL, "family_name" text NOT NULL, "given_names" text NOT NULL, "birth_name" text, "birth_date" date NOT NULL, "gender" text, "nationalities" text NOT NULL, "street_key" text NOT NULL, "street" text NOT NULL, "house_number" text NOT NULL, "house_number_suffix" text, "postal_code" text NOT NULL, "city" text NOT NULL, "dwelling_status" text NOT NULL, "move_in_date" date, "arrived_from_abroad" date, "information_block" boolean NOT NULL, "excluded_from_voting" boolean NOT NULL, "entered" boolean NOT NULL, "reasons" text, "district_number" text, "address_status" text NOT NULL, "address_candidates" text, "order_key" text NOT NULL, CONSTRAINT "PK_82eddb6b36210bd5d45169ecdea" PRIMARY KEY ("import_id", "line_no"))`);
    await queryRunner.query(`CREATE TABLE "roll_audit_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid, "actor_username" text NOT NULL, "action" text NOT NULL, "voter_id" integer, "proposal_id" uuid, "reason" text, "details" jsonb, CONSTRAINT "PK_0db6ddedd9bf5d3aef18a8995e5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a45a332bf0e01f752ccfd4b663" ON "roll_audit_entries" ("election_id", "at") `);
    await queryRunner.query(`CREATE TABLE "roll_change_proposals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "import_id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "voter_id" integer, "line_no" integer, "person_id" text NOT NULL, "details" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by_username" text, "decision_reason" text, CONSTRAINT "PK_6a13eda5ebb6700ab02ed229442" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_445ffa0e2ac7d8a43e4eed6aaa" ON "roll_change_proposals" ("election_id", "status") `);
    await queryRunner.query(`CREATE TABLE "roll_entries" ("election_id" uuid NOT NULL, "voter_id" integer NOT NULL, "district_id" uuid NOT NULL, "voter_number" integer NOT NULL, "person_id" text NOT NULL, "family_name" text NOT NULL, "given_names" text NOT NULL, "birth_date" date NOT NULL, "street" text NOT NULL, "house_number" text NOT NULL, "postal_code" text NOT NULL, "city" text NOT NULL, "information_block" boolean NOT NULL, "status" text NOT NULL DEFAULT 'active', "removal_reason" text, "remarks" text, "postal_vote_certificate" text, "postal_vote_marked_at" TIMESTAMP WITH TIME ZONE, "added_after_build" boolean NOT NULL DEFAULT false, "source_import_id" uuid NOT NULL, "source_line_no" integer NOT NULL, CONSTRAINT "PK_9e4afed3f94d8aa8aa5b805433a" PRIMARY KEY ("election_id", "voter_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6bbc2c3ec95a8a6f81d356890e" ON "roll_entries" ("district_id", "voter_number") `);
    await queryRunner.query(`CREATE TABLE "rolls" ("election_id" uuid NOT NULL, "office_id" uuid NOT NULL, "base_import_id" uuid NOT NULL, "cutoff_day" date NOT NULL, "built_at" TIMESTAMP WITH TIME ZONE NOT NULL, "built_by_username" text NOT NULL, "residents" integer NOT NULL, "voters" integer NOT NULL, "not_entered" integer NOT NULL, "unassigned" integer NOT NULL, "numbers_locked" boolean NOT NULL DEFAULT false, "numbers_locked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_37f83b6312e85c352bb10db0e94" PRIMARY KEY ("election_id"))`);
    await queryRunner.query(`ALTER TABLE "register_imports" ADD CONSTRAINT "FK_7f30235e9cc8170ba28c6a05631" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "rolls" ADD CONSTRAINT "FK_37f83b6312e85c352bb10db0e94" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rolls" DROP CONSTRAINT "FK_37f83b6312e85c352bb10db0e94"`);
    await queryRunner.query(`ALTER TABLE "register_imports" DROP CONSTRAINT "FK_7f30235e9cc8170ba28c6a05631"`);
    await queryRunner.query(`DROP TABLE "rolls"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6bbc2c3ec95a8a6f81d356890e"`);
    await queryRunner.query(`DROP TABLE "roll_entries"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_445ffa0e2ac7d8a43e4eed6aaa"`);
    await queryRunner.query(`DROP TABLE "roll_change_proposals"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a45a332bf0e01f752ccfd4b663"`);
    await queryRunner.query(`DROP TABLE "roll_audit_entries"`);
    await queryRunner.query(`DROP TABLE "register_rows"`);
    await queryRunner.query(`DROP TABLE "register_pull_pages"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_55af5f35614b88d28d1bce6fe4"`);
    await queryRunner.query(`DROP TABLE "register_imports"`);
    await queryRunner.query(`DROP TABLE "register_import_rejects"`);
  }
}
