import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPollingDay1796594403688 implements MigrationInterface {
  name = 'AddPollingDay1796594403688';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "polling_day_messages" ("id" uuid NOT NULL, "election_id" uuid NOT NULL, "district_id" uuid, "text" text NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_by_name" text NOT NULL, CONSTRAINT "PK_2614d4fcb21b6554dc3ace428cd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_bb8faa1e30a380dcfdead4648b" ON "polling_day_messages" ("election_id", "sent_at") `);
    await queryRunner.query(`CREATE TABLE "polling_day_message_reads" ("message_id" uuid NOT NULL, "district_id" uuid NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_by_name" text NOT NULL, CONSTRAINT "PK_0362c9aabf715456d6cfffc1a97" PRIMARY KEY ("message_id", "district_id"))`);
    await queryRunner.query(`CREATE TABLE "polling_day_entries" ("id" uuid NOT NULL, "election_id" uuid NOT NULL, "district_id" uuid NOT NULL, "kind" text NOT NULL, "entry" jsonb NOT NULL, "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_by_id" uuid NOT NULL, "sent_by_name" text NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_53e9a6b664f032e6cf3d98824b0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_0e33e7576e63c8e7e12a3f250b" ON "polling_day_entries" ("election_id", "district_id", "received_at") `);
    await queryRunner.query(`CREATE TABLE "polling_day_settings" ("election_id" uuid NOT NULL, "turnout_slots" text array NOT NULL, "silent_after_minutes" integer NOT NULL, CONSTRAINT "PK_33407828d6a6f5dd0dd58a4c7c5" PRIMARY KEY ("election_id"))`);
    await queryRunner.query(`CREATE TABLE "turnout_publications" ("election_id" uuid NOT NULL, "slot" text NOT NULL, "voters" integer NOT NULL, "eligible" integer, "reported_districts" integer NOT NULL, "expected_districts" integer NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by_name" text NOT NULL, CONSTRAINT "PK_29e9a5c668783c8ab5d42e8ff53" PRIMARY KEY ("election_id", "slot"))`);
    await queryRunner.query(`ALTER TABLE "polling_day_messages" ADD CONSTRAINT "FK_56407c2eb3b882c663a475e04ea" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "polling_day_messages" ADD CONSTRAINT "FK_2606c6811d574bed489108fde81" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "polling_day_message_reads" ADD CONSTRAINT "FK_fc7d217a2cb93a890feedafca1a" FOREIGN KEY ("message_id") REFERENCES "polling_day_messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "polling_day_message_reads" ADD CONSTRAINT "FK_eaf04971579cdb4780fcfac4531" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "polling_day_entries" ADD CONSTRAINT "FK_f6b9b57d8eeaaa25f7de608940c" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "polling_day_entries" ADD CONSTRAINT "FK_9f0738cefc6c2423e33cf22329d" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "polling_day_settings" ADD CONSTRAINT "FK_33407828d6a6f5dd0dd58a4c7c5" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "turnout_publications" ADD CONSTRAINT "FK_f8f9af88934b947f64c5c7a1109" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "turnout_publications" DROP CONSTRAINT "FK_f8f9af88934b947f64c5c7a1109"`);
    await queryRunner.query(`ALTER TABLE "polling_day_settings" DROP CONSTRAINT "FK_33407828d6a6f5dd0dd58a4c7c5"`);
    await queryRunner.query(`ALTER TABLE "polling_day_entries" DROP CONSTRAINT "FK_9f0738cefc6c2423e33cf22329d"`);
    await queryRunner.query(`ALTER TABLE "polling_day_entries" DROP CONSTRAINT "FK_f6b9b57d8eeaaa25f7de608940c"`);
    await queryRunner.query(`ALTER TABLE "polling_day_message_reads" DROP CONSTRAINT "FK_eaf04971579cdb4780fcfac4531"`);
    await queryRunner.query(`ALTER TABLE "polling_day_message_reads" DROP CONSTRAINT "FK_fc7d217a2cb93a890feedafca1a"`);
    await queryRunner.query(`ALTER TABLE "polling_day_messages" DROP CONSTRAINT "FK_2606c6811d574bed489108fde81"`);
    await queryRunner.query(`ALTER TABLE "polling_day_messages" DROP CONSTRAINT "FK_56407c2eb3b882c663a475e04ea"`);
    await queryRunner.query(`DROP TABLE "turnout_publications"`);
    await queryRunner.query(`DROP TABLE "polling_day_settings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0e33e7576e63c8e7e12a3f250b"`);
    await queryRunner.query(`DROP TABLE "polling_day_entries"`);
    await queryRunner.query(`DROP TABLE "polling_day_message_reads"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bb8faa1e30a380dcfdead4648b"`);
    await queryRunner.query(`DROP TABLE "polling_day_messages"`);
  }
}
