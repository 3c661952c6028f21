import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPostalVoting1795412102635 implements MigrationInterface {
  name = 'AddPostalVoting1795412102635';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "postal_access_attempts" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "address" text NOT NULL, "election_id" uuid, "token_hash" bytea, "outcome" text NOT NULL, CONSTRAINT "PK_14ba55d661af0c4ecd540e87ffe" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_7726a39632d78fe4ee74558c29" ON "postal_access_attempts" ("token_hash", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_6df164c0273490c1bf96b9b9a1" ON "postal_access_attempts" ("address", "at") `);
    await queryRunner.query(`CREATE TABLE "postal_applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "serial" SERIAL NOT NULL, "election_id" uuid NOT NULL, "office_id" uuid NOT NULL, "voter_id" integer NOT NULL, "district_id" uuid NOT NULL, "channel" text NOT NULL, "state" text NOT NULL DEFAULT 'received', "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "entered_by_username" text, "delivery" text NOT NULL, "delivery_address" jsonb, "representative" jsonb, "sudden_illness" boolean NOT NULL DEFAULT false, "note" text, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by_username" text, "rejection_reason" text, CONSTRAINT "UQ_1cb1685e5b223e673de3b2875e1" UNIQUE ("serial"), CONSTRAINT "PK_1a1be4a94397965559f46a55957" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_5144be74c1c6a5eb1e2a8e69ef" ON "postal_applications" ("election_id", "state", "received_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "postal_applications_one_per_voter" ON "postal_applications" ("election_id", "voter_id") WHERE state <> 'rejected'`);
    await queryRunner.query(`CREATE TABLE "postal_authority_documents" ("application_id" uuid NOT NULL, "file_name" text NOT NULL, "content_type" text NOT NULL, "content" bytea NOT NULL, "sha256" text NOT NULL, CONSTRAINT "PK_257528aac17a02acfa661b31821" PRIMARY KEY ("application_id"))`);
    await queryRunner.query(`CREATE TABLE "postal_certificates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "office_id" uuid NOT NULL, "application_id" uuid NOT NULL, "voter_id" integer NOT NULL, "district_id" uuid NOT NULL, "sequence" integer NOT NULL, "number" text NOT NULL, "status" text NOT NULL DEFAULT 'valid', "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "issued_by_username" text NOT NULL, "batch_id" uuid NOT NULL, "replaces_id" uuid, "invalidated_at" TIMESTAMP WITH TIME ZONE, "invalidated_by_username" text, "invalid_reason" text, "invalid_note" text, CONSTRAINT "PK_09ab6a6dfaf44b35cfaa0977f70" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f88feed3e2f1b02265acde27b5" ON "postal_certificates" ("batch_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_26a3812a1510a85351122a5739" ON "postal_certificates" ("election_id", "district_id", "issued_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "postal_certificates_one_valid_per_voter" ON "postal_certificates" ("election_id", "voter_id") WHERE status = 'valid'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_102c54a5b7bcf9f9586858cbe2" ON "postal_certificates" ("election_id", "number") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0fd76459b1fc7ae6d39221fe9c" ON "postal_certificates" ("election_id", "sequence") `);
    await queryRunner.query(`ALTER TABLE "rolls" ADD "closed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "rolls" ADD "closed_by_username" text`);
    await queryRunner.query(`ALTER TABLE "postal_applications" ADD CONSTRAINT "FK_e7b862f1a2fc6808f3c25abd5a0" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "postal_authority_documents" ADD CONSTRAINT "FK_257528aac17a02acfa661b31821" FOREIGN KEY ("application_id") REFERENCES "postal_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "postal_certificates" ADD CONSTRAINT "FK_7cb3992813976540611369a6e0b" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "postal_certificates" ADD CONSTRAINT "FK_af51b569fff4a796ae644b4a318" FOREIGN KEY ("application_id") REFERENCES "postal_applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "postal_certificates" DROP CONSTRAINT "FK_af51b569fff4a796ae644b4a318"`);
    await queryRunner.query(`ALTER TABLE "postal_certificates" DROP CONSTRAINT "FK_7cb3992813976540611369a6e0b"`);
    await queryRunner.query(`ALTER TABLE "postal_authority_documents" DROP CONSTRAINT "FK_257528aac17a02acfa661b31821"`);
    await queryRunner.query(`ALTER TABLE "postal_applications" DROP CONSTRAINT "FK_e7b862f1a2fc6808f3c25abd5a0"`);
    await queryRunner.query(`ALTER TABLE "rolls" DROP COLUMN "closed_by_username"`);
    await queryRunner.query(`ALTER TABLE "rolls" DROP COLUMN "closed_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0fd76459b1fc7ae6d39221fe9c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_102c54a5b7bcf9f9586858cbe2"`);
    await queryRunner.query(`DROP INDEX "public"."postal_certificates_one_valid_per_voter"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_26a3812a1510a85351122a5739"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f88feed3e2f1b02265acde27b5"`);
    await queryRunner.query(`DROP TABLE "postal_certificates"`);
    await queryRunner.query(`DROP TABLE "postal_authority_documents"`);
    await queryRunner.query(`DROP INDEX "public"."postal_applications_one_per_voter"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5144be74c1c6a5eb1e2a8e69ef"`);
    await queryRunner.query(`DROP TABLE "postal_applications"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6df164c0273490c1bf96b9b9a1"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7726a39632d78fe4ee74558c29"`);
    await queryRunner.query(`DROP TABLE "postal_access_attempts"`);
  }
}
