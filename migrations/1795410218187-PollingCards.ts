import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PollingCards1795410218187 implements MigrationInterface {
  name = 'PollingCards1795410218187';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "polling_card_jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_number" SERIAL NOT NULL, "election_id" uuid NOT NULL, "office_id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "election" jsonb NOT NULL, "layout" text NOT NULL, "template_id" text NOT NULL, "template_fingerprint" text NOT NULL, "out_dir" text NOT NULL, "application_url_base" text NOT NULL, "document_date" TIMESTAMP WITH TIME ZONE NOT NULL, "lot_size" integer NOT NULL, "pieces" integer NOT NULL, "lots" integer NOT NULL, "lots_done" integer NOT NULL DEFAULT '0', "pieces_done" integer NOT NULL DEFAULT '0', "pieces_per_second" real, "reason" text, "created_by_user_id" uuid, "created_by_username" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "heartbeat_at" TIMESTAMP WITH TIME ZONE, "message" text, CONSTRAINT "UQ_d4d0c4bcf9f4dbd48ef82bac712" UNIQUE ("job_number"), CONSTRAINT "PK_6a0a28f8e406d762268f6f680e6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f08bf3c46e208de8011453e515" ON "polling_card_jobs" ("election_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "polling_card_lots" ("job_id" uuid NOT NULL, "lot" integer NOT NULL, "file_name" text NOT NULL, "sha256" text NOT NULL, "bytes" bigint NOT NULL, "first_piece" integer NOT NULL, "last_piece" integer NOT NULL, "pieces" integer NOT NULL, "sheets" integer NOT NULL, "pages" integer NOT NULL, "leitregionen" jsonb NOT NULL, "postal_codes" jsonb NOT NULL, "warnings" jsonb NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1d37f6e88ef9732ee2a81296be2" PRIMARY KEY ("job_id", "lot"))`);
    await queryRunner.query(`CREATE TABLE "polling_card_pieces" ("job_id" uuid NOT NULL, "piece" integer NOT NULL, "election_id" uuid NOT NULL, "voter_id" integer NOT NULL, "token_issue" integer NOT NULL, "record" jsonb NOT NULL, CONSTRAINT "PK_945eb7b6935e053952221df215f" PRIMARY KEY ("job_id", "piece"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f2675a5e5db3aaff0c652f9806" ON "polling_card_pieces" ("election_id", "voter_id") `);
    await queryRunner.query(`CREATE TABLE "polling_card_tokens" ("election_id" uuid NOT NULL, "voter_id" integer NOT NULL, "issue" integer NOT NULL, "token_hash" text NOT NULL, "job_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_d5c6c975db5e6e082a63131190a" UNIQUE ("token_hash"), CONSTRAINT "PK_703a3ce2615c259ace9b232221d" PRIMARY KEY ("election_id", "voter_id", "issue"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "polling_card_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f2675a5e5db3aaff0c652f9806"`);
    await queryRunner.query(`DROP TABLE "polling_card_pieces"`);
    await queryRunner.query(`DROP TABLE "polling_card_lots"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f08bf3c46e208de8011453e515"`);
    await queryRunner.query(`DROP TABLE "polling_card_jobs"`);
  }
}
