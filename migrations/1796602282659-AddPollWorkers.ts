import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPollWorkers1796602282659 implements MigrationInterface {
  name = 'AddPollWorkers1796602282659';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "poll_workers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "office_id" uuid NOT NULL, "family_name" text NOT NULL, "given_names" text NOT NULL, "birth_date" date NOT NULL, "street" text NOT NULL, "postal_code" text NOT NULL, "city" text NOT NULL, "email" text, "phone" text, "source" text NOT NULL, "keep_for_next_election" boolean NOT NULL DEFAULT false, "appointments_count" integer NOT NULL DEFAULT '0', "chair_experience" boolean NOT NULL DEFAULT false, "last_election_day" date, "note" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6ce5a3603aba4a5e1fdb86fde1b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_ce9d45fe8267d03278738e3441" ON "poll_workers" ("office_id", "family_name", "given_names") `);
    await queryRunner.query(`CREATE TABLE "poll_worker_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "person_id" uuid NOT NULL, "district_id" uuid, "function" text NOT NULL, "state" text NOT NULL, "refusal_ground" text, "replaces_id" uuid, "note" text NOT NULL DEFAULT '', "state_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4a3c8c1386fede163b7709b05de" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_2cec553a3fa7c26fdfd577d7ce" ON "poll_worker_assignments" ("person_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_poll_worker_assignments_active_person" ON "poll_worker_assignments" ("election_id", "person_id") WHERE state IN ('proposed', 'appointed', 'confirmed')`);
    await queryRunner.query(`CREATE INDEX "IDX_98e5d95efadf8b125cd6402b94" ON "poll_worker_assignments" ("election_id", "district_id") `);
    await queryRunner.query(`CREATE TABLE "poll_worker_needs" ("district_id" uuid NOT NULL, "function" text NOT NULL, "election_id" uuid NOT NULL, "seats" integer NOT NULL, CONSTRAINT "PK_d62b5276c16a95d7d5a86695179" PRIMARY KEY ("district_id", "function"))`);
    await queryRunner.query(`CREATE INDEX "IDX_501fc766f9dd7e587fadf5d20c" ON "poll_worker_needs" ("election_id") `);
    await queryRunner.query(`CREATE TABLE "poll_worker_pool" ("election_id" uuid NOT NULL, "person_id" uuid NOT NULL, "source" text NOT NULL, "eligibility" text NOT NULL, "ineligibility_reason" text, "home_district_id" uuid, "availability" text NOT NULL, "wish_district_id" uuid, "wish_colleague_id" uuid, "wish_colleague_name" text NOT NULL DEFAULT '', "wish_function" text, "declared_eligible" boolean NOT NULL DEFAULT false, "refusal_ground" text, "refusal_accepted" boolean, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f9fc7aaf709dcf6fdc4a2190a21" PRIMARY KEY ("election_id", "person_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_2af5d676e3b390b99d7d52b352" ON "poll_worker_pool" ("person_id") `);
    await queryRunner.query(`ALTER TABLE "poll_workers" ADD CONSTRAINT "FK_2cfb23693aa0518697e710d945a" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_assignments" ADD CONSTRAINT "FK_0266ec8c94de6495dfbf99f93fd" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_assignments" ADD CONSTRAINT "FK_2cec553a3fa7c26fdfd577d7ce3" FOREIGN KEY ("person_id") REFERENCES "poll_workers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_assignments" ADD CONSTRAINT "FK_cbc42256e4aee12ed02763ee858" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_assignments" ADD CONSTRAINT "FK_01c888dfc4850ecb09cfc785db8" FOREIGN KEY ("replaces_id") REFERENCES "poll_worker_assignments"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_needs" ADD CONSTRAINT "FK_e2b1e9d1cd2fc25e0b044570b5c" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_needs" ADD CONSTRAINT "FK_501fc766f9dd7e587fadf5d20c6" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_pool" ADD CONSTRAINT "FK_4c52755ebeb8b4efd39c739e2df" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_pool" ADD CONSTRAINT "FK_2af5d676e3b390b99d7d52b352c" FOREIGN KEY ("person_id") REFERENCES "poll_workers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_pool" ADD CONSTRAINT "FK_4aa752fa74868e79e66a5ee303f" FOREIGN KEY ("home_district_id") REFERENCES "districts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_pool" ADD CONSTRAINT "FK_603eb06c1806c5b05a4d7a0026f" FOREIGN KEY ("wish_district_id") REFERENCES "districts"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "poll_worker_pool" ADD CONSTRAINT "FK_5946df2d85e1fe7d758675d382f" FOREIGN KEY ("wish_colleague_id") REFERENCES "poll_workers"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "poll_worker_pool" DROP CONSTRAINT "FK_5946df2d85e1fe7d758675d382f"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_pool" DROP CONSTRAINT "FK_603eb06c1806c5b05a4d7a0026f"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_pool" DROP CONSTRAINT "FK_4aa752fa74868e79e66a5ee303f"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_pool" DROP CONSTRAINT "FK_2af5d676e3b390b99d7d52b352c"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_pool" DROP CONSTRAINT "FK_4c52755ebeb8b4efd39c739e2df"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_needs" DROP CONSTRAINT "FK_501fc766f9dd7e587fadf5d20c6"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_needs" DROP CONSTRAINT "FK_e2b1e9d1cd2fc25e0b044570b5c"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_assignments" DROP CONSTRAINT "FK_01c888dfc4850ecb09cfc785db8"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_assignments" DROP CONSTRAINT "FK_cbc42256e4aee12ed02763ee858"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_assignments" DROP CONSTRAINT "FK_2cec553a3fa7c26fdfd577d7ce3"`);
    await queryRunner.query(`ALTER TABLE "poll_worker_assignments" DROP CONSTRAINT "FK_0266ec8c94de6495dfbf99f93fd"`);
    await queryRunner.query(`ALTER TABLE "poll_workers" DROP CONSTRAINT "FK_2cfb23693aa0518697e710d945a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2af5d676e3b390b99d7d52b352"`);
    await queryRunner.query(`DROP TABLE "poll_worker_pool"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_501fc766f9dd7e587fadf5d20c"`);
    await queryRunner.query(`DROP TABLE "poll_worker_needs"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_98e5d95efadf8b125cd6402b94"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_poll_worker_assignments_active_person"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2cec553a3fa7c26fdfd577d7ce"`);
    await queryRunner.query(`DROP TABLE "poll_worker_assignments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ce9d45fe8267d03278738e3441"`);
    await queryRunner.query(`DROP TABLE "poll_workers"`);
  }
}
