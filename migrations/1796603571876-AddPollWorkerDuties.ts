import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPollWorkerDuties1796603571876 implements MigrationInterface {
  name = 'AddPollWorkerDuties1796603571876';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "poll_worker_letter_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "state" text NOT NULL, "assignment_ids" uuid array NOT NULL, "done" integer NOT NULL DEFAULT '0', "started_by" jsonb NOT NULL, "message" text, "file_name" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9180f191818ce61f009370bf79d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_d4dae5c28a5b494f2e71c3fbb2" ON "poll_worker_letter_runs" ("election_id") `);
    await queryRunner.query(`CREATE TABLE "poll_worker_letters" ("assignment_id" uuid NOT NULL, "election_id" uuid NOT NULL, "run_id" uuid NOT NULL, "access_code_id" uuid, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reply" text, "reply_note" text NOT NULL DEFAULT '', "replied_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_082800708e80253bcc0978379cb" PRIMARY KEY ("assignment_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e16b7d32dbee62ae315721779c" ON "poll_worker_letters" ("election_id") `);
    await queryRunner.query(`CREATE TABLE "poll_worker_bank_accounts" ("person_id" uuid NOT NULL, "iban" text NOT NULL, "account_holder" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_16d88f107328b83253823dd8dc9" PRIMARY KEY ("person_id"))`);
    await queryRunner.query(`CREATE TABLE "poll_worker_payment_settings" ("election_id" uuid NOT NULL, "rates" jsonb NOT NULL, "debtor_name" text, "debtor_iban" text, "debtor_bic" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aa2927351f3d079c3035798c0cd" PRIMARY KEY ("election_id"))`);
    await queryRunner.query(`CREATE TABLE "poll_worker_trainings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" text NOT NULL, "address" text NOT NULL DEFAULT '', "capacity" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8a0a9dd94ec46b79f4f716b2d6f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_edb03e3408e08c27e0560b7212" ON "poll_worker_trainings" ("election_id") `);
    await queryRunner.query(`CREATE TABLE "poll_worker_training_invitations" ("training_id" uuid NOT NULL, "person_id" uuid NOT NULL, "election_id" uuid NOT NULL, "attended" boolean, CONSTRAINT "PK_7c35f36f0c03a25a66d99922354" PRIMARY KEY ("training_id", "person_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d6054385c739090a6dbc359994" ON "poll_worker_training_invitations" ("election_id", "person_id") `);
    await queryRunner.query(`ALTER TABLE "poll_worker_letter_runs" ADD CONSTRAINT "FK_d4dae5c28a5b494f2e71c3fbb29" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_letters" ADD CONSTRAINT "FK_082800708e80253bcc0978379cb" FOREIGN KEY ("assignment_id") REFERENCES "poll_worker_assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_letters" ADD CONSTRAINT "FK_0210d5a122888b76887918d7076" FOREIGN KEY ("run_id") REFERENCES "poll_worker_letter_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_letters" ADD CONSTRAINT "FK_2c2fef37ef66e3e8dbf85978c8e" FOREIGN KEY ("access_code_id") REFERENCES "board_access_codes"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_bank_accounts" ADD CONSTRAINT "FK_16d88f107328b83253823dd8dc9" FOREIGN KEY ("person_id") REFERENCES "poll_workers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_payment_settings" ADD CONSTRAINT "FK_aa2927351f3d079c3035798c0cd" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_trainings" ADD CONSTRAINT "FK_edb03e3408e08c27e0560b7212b" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_training_invitations" ADD CONSTRAINT "FK_edf5572ba322ad68fbcebd72bee" FOREIGN KEY ("training_id") REFERENCES "poll_worker_trainings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_training_invitations" ADD CONSTRAINT "FK_08fa8b616aa80b223a915f5abcb" FOREIGN KEY ("person_id") REFERENCES "poll_workers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "poll_worker_training_invitations" DROP CONSTRAINT "FK_08fa8b616aa80b223a915f5abcb"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_training_invitations" DROP CONSTRAINT "FK_edf5572ba322ad68fbcebd72bee"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_trainings" DROP CONSTRAINT "FK_edb03e3408e08c27e0560b7212b"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_payment_settings" DROP CONSTRAINT "FK_aa2927351f3d079c3035798c0cd"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_bank_accounts" DROP CONSTRAINT "FK_16d88f107328b83253823dd8dc9"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_letters" DROP CONSTRAINT "FK_2c2fef37ef66e3e8dbf85978c8e"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_letters" DROP CONSTRAINT "FK_0210d5a122888b76887918d7076"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_letters" DROP CONSTRAINT "FK_082800708e80253bcc0978379cb"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_letter_runs" DROP CONSTRAINT "FK_d4dae5c28a5b494f2e71c3fbb29"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d6054385c739090a6dbc359994"`);
    await queryRunner.query(`DROP TABLE "poll_worker_training_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_edb03e3408e08c27e0560b7212"`);
    await queryRunner.query(`DROP TABLE "poll_worker_trainings"`);
    await queryRunner.query(`DROP TABLE "poll_worker_payment_settings"`);
    await queryRunner.query(`DROP TABLE "poll_worker_bank_accounts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e16b7d32dbee62ae315721779c"`);
    await queryRunner.query(`DROP TABLE "poll_worker_letters"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d4dae5c28a5b494f2e71c3fbb2"`);
    await queryRunner.query(`DROP TABLE "poll_worker_letter_runs"`);
  }
}
