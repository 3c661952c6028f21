import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRollClosing1796602423997 implements MigrationInterface {
  name = 'AddRollClosing1796602423997';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "roll_a3_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "district_id" uuid NOT NULL, "family_name" text NOT NULL, "given_names" text NOT NULL, "birth_date" date NOT NULL, "street" text NOT NULL, "house_number" text NOT NULL, "postal_code" text NOT NULL, "city" text NOT NULL, "reason" text NOT NULL, "reason_note" text NOT NULL, "certificate_number" text, "issued_at" TIMESTAMP WITH TIME ZONE, "issued_by_username" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by_username" text NOT NULL, CONSTRAINT "PK_360fbb5ceb1b764600f4994fab6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_78f684ad8c026470e65d027f21" ON "roll_a3_entries" ("election_id", "district_id") `);
    await queryRunner.query(`CREATE TABLE "roll_closings" ("election_id" uuid NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_by_username" text NOT NULL, "signer_name" text NOT NULL, "signer_function" text NOT NULL, "place" text, "document" bytea NOT NULL, CONSTRAINT "PK_40ac86021b6658be6a95c0efb88" PRIMARY KEY ("election_id"))`);
    await queryRunner.query(`CREATE TABLE "roll_closing_districts" ("election_id" uuid NOT NULL, "district_id" uuid NOT NULL, "a1" integer NOT NULL, "a2" integer NOT NULL, "a3" integer NOT NULL, CONSTRAINT "PK_bf775e82917eadea342d984fc1d" PRIMARY KEY ("election_id", "district_id"))`);
    await queryRunner.query(`ALTER TABLE "roll_a3_entries" ADD CONSTRAINT "FK_161658753a04339eb105cf8e356" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "roll_a3_entries" ADD CONSTRAINT "FK_9c5eb90b4537096ac213d48c3cc" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "roll_closings" ADD CONSTRAINT "FK_40ac86021b6658be6a95c0efb88" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "roll_closing_districts" ADD CONSTRAINT "FK_75e020a76321757edbcab5a12c7" FOREIGN KEY ("election_id") REFERENCES "roll_closings"("election_id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "roll_closing_districts" ADD CONSTRAINT "FK_6476030c9842879c2bb8e9b5c75" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "roll_closing_districts" DROP CONSTRAINT "FK_6476030c9842879c2bb8e9b5c75"`);
    await queryRunner.query(`ALTER TABLE "roll_closing_districts" DROP CONSTRAINT "FK_75e020a76321757edbcab5a12c7"`);
    await queryRunner.query(`ALTER TABLE "roll_closings" DROP CONSTRAINT "FK_40ac86021b6658be6a95c0efb88"`);
    await queryRunner.query(`ALTER TABLE "roll_a3_entries" DROP CONSTRAINT "FK_9c5eb90b4537096ac213d48c3cc"`);
    await queryRunner.query(`ALTER TABLE "roll_a3_entries" DROP CONSTRAINT "FK_161658753a04339eb105cf8e356"`);
    await queryRunner.query(`DROP TABLE "roll_closing_districts"`);
    await queryRunner.query(`DROP TABLE "roll_closings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_78f684ad8c026470e65d027f21"`);
    await queryRunner.query(`DROP TABLE "roll_a3_entries"`);
  }
}
