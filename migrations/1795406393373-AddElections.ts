import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddElections1795406393373 implements MigrationInterface {
  name = 'AddElections1795406393373';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "elections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "office_id" uuid NOT NULL, "schema_version" integer NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "election_day" date NOT NULL, "municipality_ags" text NOT NULL, "municipality_name" text NOT NULL, "municipality_contact" json, "constituency_number" text, "constituency_name" text, "deadline_overrides" json, "previous_election_name" text, "previous_election_day" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_21abca6e4191b830d1eb8379cf0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_93e163109d7a38339a11e54f92" ON "elections" ("office_id") `);
    await queryRunner.query(`CREATE TABLE "contests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "ordinal" integer NOT NULL, "key" text NOT NULL, "name" text NOT NULL, "ballot_type" text NOT NULL, "votes_per_ballot" integer NOT NULL, "max_votes_per_candidate" integer NOT NULL, "seats" integer, CONSTRAINT "PK_0b8012f5cf6f444a52179e1227a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6ecfd2f2fe8d5c8ba78631e941" ON "contests" ("election_id", "key") `);
    await queryRunner.query(`CREATE TABLE "lists" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "contest_id" uuid NOT NULL, "ordinal" integer NOT NULL, "key" text NOT NULL, "ballot_position" integer NOT NULL, "short_name" text NOT NULL, "name" text NOT NULL, "color" text NOT NULL, CONSTRAINT "PK_268b525e9a6dd04d0685cb2aaaa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_bf3f99ac8ef0922ead7c4f90ab" ON "lists" ("election_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2e23865a2109a3db2090e18642" ON "lists" ("contest_id", "ballot_position") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b63baf808a13c3fe7f46989fea" ON "lists" ("contest_id", "key") `);
    await queryRunner.query(`CREATE TABLE "candidates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "list_id" uuid NOT NULL, "ordinal" integer NOT NULL, "position" integer NOT NULL, "family_name" text NOT NULL, "given_names" text NOT NULL, "title" text, "occupation" text, "birth_year" integer, "residence" text, CONSTRAINT "PK_140681296bf033ab1eb95288abb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_32673ff5618c85a5ac2620e7cd" ON "candidates" ("election_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_290edb904c9df7ab27635f343d" ON "candidates" ("list_id", "position") `);
    await queryRunner.query(`CREATE TABLE "polling_stations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "ordinal" integer NOT NULL, "key" text NOT NULL, "name" text NOT NULL, "street" text NOT NULL, "house_number" text NOT NULL, "postal_code" text NOT NULL, "city" text NOT NULL, "opening_hours" text NOT NULL, "barrier_free" boolean NOT NULL, "barrier_free_note" text, CONSTRAINT "PK_c7c2a631edae9c8782f8d916212" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_305ad214946942047b99b2be15" ON "polling_stations" ("election_id", "key") `);
    await queryRunner.query(`CREATE TABLE "districts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "ordinal" integer NOT NULL, "number" text NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "polling_station_id" uuid, "postal_district_id" uuid, "inhabitants" integer, CONSTRAINT "PK_972a72ff4e3bea5c7f43a2b98af" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_1b1fee5ad6a4a51f913b106781" ON "districts" ("polling_station_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ccb6de280e1830f1d53fd4e381" ON "districts" ("postal_district_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_55902297dc13d594c3971d0341" ON "districts" ("election_id", "number") `);
    await queryRunner.query(`CREATE TABLE "previous_results" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "ordinal" integer NOT NULL, "district_id" uuid, "contest_id" uuid NOT NULL, "eligible" integer, "voters" integer, "invalid" integer NOT NULL, "valid" integer NOT NULL, "votes" json NOT NULL, CONSTRAINT "PK_2bd3558958984522ef9eaca93f1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_224ae843dc1f935630828b578e" ON "previous_results" ("election_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_092348df614a77efad86610093" ON "previous_results" ("district_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_020a490d6a86979ba4fc7db7ac" ON "previous_results" ("contest_id") `);
    await queryRunner.query(`CREATE TABLE "streets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "ordinal" integer NOT NULL, "key" text NOT NULL, "name" text NOT NULL, "postal_code" text NOT NULL, CONSTRAINT "PK_e375a3a3ebbc18cf91e72374d94" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a44faa1ae1afdd48bc66398414" ON "streets" ("election_id", "key") `);
    await queryRunner.query(`CREATE TABLE "street_segments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "street_id" uuid NOT NULL, "ordinal" integer NOT NULL, "from_number" text NOT NULL, "to_number" text NOT NULL, "parity" text NOT NULL, "district_id" uuid NOT NULL, CONSTRAINT "PK_f0d545f22bb7927de9eb5e30c45" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_714dd9d8d9a568807d1dc7dc93" ON "street_segments" ("election_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f99026e2675ef40b3b44150d23" ON "street_segments" ("street_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a13f017b4b5ea1598744005bfc" ON "street_segments" ("district_id") `);
    await queryRunner.query(`ALTER TABLE "contests" ADD CONSTRAINT "FK_266df760f3a22e6e1e21b8d7b54" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lists" ADD CONSTRAINT "FK_bf3f99ac8ef0922ead7c4f90ab1" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lists" ADD CONSTRAINT "FK_d2bbbf7c6b3bc1ca1feb8697ec8" FOREIGN KEY ("contest_id") REFERENCES "contests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "candidates" ADD CONSTRAINT "FK_32673ff5618c85a5ac2620e7cd0" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "candidates" ADD CONSTRAINT "FK_3eb04036ea08c5ba5878cf6d1de" FOREIGN KEY ("list_id") REFERENCES "lists"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "polling_stations" ADD CONSTRAINT "FK_f7ac001ab4432aa2fe9c76e8b16" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "districts" ADD CONSTRAINT "FK_1d950e4683af764612ccf452ba1" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "districts" ADD CONSTRAINT "FK_1b1fee5ad6a4a51f913b106781c" FOREIGN KEY ("polling_station_id") REFERENCES "polling_stations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "districts" ADD CONSTRAINT "FK_ccb6de280e1830f1d53fd4e3810" FOREIGN KEY ("postal_district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "previous_results" ADD CONSTRAINT "FK_224ae843dc1f935630828b578e9" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "previous_results" ADD CONSTRAINT "FK_092348df614a77efad866100936" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "previous_results" ADD CONSTRAINT "FK_020a490d6a86979ba4fc7db7ac3" FOREIGN KEY ("contest_id") REFERENCES "contests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "streets" ADD CONSTRAINT "FK_7b8c31278fbdee5f7a3630be5c1" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "street_segments" ADD CONSTRAINT "FK_714dd9d8d9a568807d1dc7dc931" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "street_segments" ADD CONSTRAINT "FK_f99026e2675ef40b3b44150d23a" FOREIGN KEY ("street_id") REFERENCES "streets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "street_segments" ADD CONSTRAINT "FK_a13f017b4b5ea1598744005bfc6" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "street_segments" DROP CONSTRAINT "FK_a13f017b4b5ea1598744005bfc6"`);
    await queryRunner.query(`ALTER TABLE "street_segments" DROP CONSTRAINT "FK_f99026e2675ef40b3b44150d23a"`);
    await queryRunner.query(`ALTER TABLE "street_segments" DROP CONSTRAINT "FK_714dd9d8d9a568807d1dc7dc931"`);
    await queryRunner.query(`ALTER TABLE "streets" DROP CONSTRAINT "FK_7b8c31278fbdee5f7a3630be5c1"`);
    await queryRunner.query(`ALTER TABLE "previous_results" DROP CONSTRAINT "FK_020a490d6a86979ba4fc7db7ac3"`);
    await queryRunner.query(`ALTER TABLE "previous_results" DROP CONSTRAINT "FK_092348df614a77efad866100936"`);
    await queryRunner.query(`ALTER TABLE "previous_results" DROP CONSTRAINT "FK_224ae843dc1f935630828b578e9"`);
    await queryRunner.query(`ALTER TABLE "districts" DROP CONSTRAINT "FK_ccb6de280e1830f1d53fd4e3810"`);
    await queryRunner.query(`ALTER TABLE "districts" DROP CONSTRAINT "FK_1b1fee5ad6a4a51f913b106781c"`);
    await queryRunner.query(`ALTER TABLE "districts" DROP CONSTRAINT "FK_1d950e4683af764612ccf452ba1"`);
    await queryRunner.query(`ALTER TABLE "polling_stations" DROP CONSTRAINT "FK_f7ac001ab4432aa2fe9c76e8b16"`);
    await queryRunner.query(`ALTER TABLE "candidates" DROP CONSTRAINT "FK_3eb04036ea08c5ba5878cf6d1de"`);
    await queryRunner.query(`ALTER TABLE "candidates" DROP CONSTRAINT "FK_32673ff5618c85a5ac2620e7cd0"`);
    await queryRunner.query(`ALTER TABLE "lists" DROP CONSTRAINT "FK_d2bbbf7c6b3bc1ca1feb8697ec8"`);
    await queryRunner.query(`ALTER TABLE "lists" DROP CONSTRAINT "FK_bf3f99ac8ef0922ead7c4f90ab1"`);
    await queryRunner.query(`ALTER TABLE "contests" DROP CONSTRAINT "FK_266df760f3a22e6e1e21b8d7b54"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a13f017b4b5ea1598744005bfc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f99026e2675ef40b3b44150d23"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_714dd9d8d9a568807d1dc7dc93"`);
    await queryRunner.query(`DROP TABLE "street_segments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a44faa1ae1afdd48bc66398414"`);
    await queryRunner.query(`DROP TABLE "streets"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_020a490d6a86979ba4fc7db7ac"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_092348df614a77efad86610093"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_224ae843dc1f935630828b578e"`);
    await queryRunner.query(`DROP TABLE "previous_results"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_55902297dc13d594c3971d0341"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ccb6de280e1830f1d53fd4e381"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1b1fee5ad6a4a51f913b106781"`);
    await queryRunner.query(`DROP TABLE "districts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_305ad214946942047b99b2be15"`);
    await queryRunner.query(`DROP TABLE "polling_stations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_290edb904c9df7ab27635f343d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_32673ff5618c85a5ac2620e7cd"`);
    await queryRunner.query(`DROP TABLE "candidates"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b63baf808a13c3fe7f46989fea"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2e23865a2109a3db2090e18642"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bf3f99ac8ef0922ead7c4f90ab"`);
    await queryRunner.query(`DROP TABLE "lists"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6ecfd2f2fe8d5c8ba78631e941"`);
    await queryRunner.query(`DROP TABLE "contests"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_93e163109d7a38339a11e54f92"`);
    await queryRunner.query(`DROP TABLE "elections"`);
  }
}
