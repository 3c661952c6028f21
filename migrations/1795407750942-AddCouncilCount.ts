import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCouncilCount1795407750942 implements MigrationInterface {
  name = 'AddCouncilCount1795407750942';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "council_batches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "election_id" uuid NOT NULL, "contest_id" uuid NOT NULL, "idempotency_key" text NOT NULL, "request_hash" text NOT NULL, "team" text NOT NULL, "entered_by" uuid NOT NULL, "declared_ballots" integer NOT NULL, "ballots" integer NOT NULL, "valid_ballots" integer NOT NULL, "invalid_too_many_votes" integer NOT NULL, "invalid_too_many_for_candidate" integer NOT NULL, "invalid_no_votes" integer NOT NULL, "invalid_rejected" integer NOT NULL, "blank_paper_ballots" integer NOT NULL, "void_votes" integer NOT NULL, "lost_votes" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_91cb820f87db6988a89ef946c6f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d6eb89e6d6fad2d52e12e3649c" ON "council_batches" ("contest_id", "idempotency_key") `);
    await queryRunner.query(`CREATE TABLE "council_batch_papers" ("batch_id" uuid NOT NULL, "list_id" uuid NOT NULL, "unchanged_ballots" integer NOT NULL, "changed_ballots" integer NOT NULL, CONSTRAINT "PK_4e103664d25358e8896d230cd51" PRIMARY KEY ("batch_id", "list_id"))`);
    await queryRunner.query(`CREATE TABLE "council_batch_votes" ("batch_id" uuid NOT NULL, "candidate_id" uuid NOT NULL, "votes" integer NOT NULL, CONSTRAINT "PK_2f2a0fcbbf162e77b32cd5eb908" PRIMARY KEY ("batch_id", "candidate_id"))`);
    await queryRunner.query(`CREATE TABLE "council_result_declarations" ("contest_id" uuid NOT NULL, "election_id" uuid NOT NULL, "declared_by" uuid NOT NULL, "lots" json, "result" json NOT NULL, "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e48c1ef084c4ba59f6b35ae6017" PRIMARY KEY ("contest_id"))`);
    await queryRunner.query(`ALTER TABLE "council_batches" ADD CONSTRAINT "FK_8a0c5518da0a943f02ad44d39ab" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "council_batches" ADD CONSTRAINT "FK_0171f7eedfb8e467e7146389afd" FOREIGN KEY ("contest_id") REFERENCES "contests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "council_batch_papers" ADD CONSTRAINT "FK_95fca2e980a70057e81a9d063e7" FOREIGN KEY ("batch_id") REFERENCES "council_batches"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "council_batch_papers" ADD CONSTRAINT "FK_5f85a52b4ca9594f86925253b35" FOREIGN KEY ("list_id") REFERENCES "lists"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "council_batch_votes" ADD CONSTRAINT "FK_baf87ad9733d3cfee6aa5dc07c2" FOREIGN KEY ("batch_id") REFERENCES "council_batches"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "council_batch_votes" ADD CONSTRAINT "FK_3ec66bb763b8364aa95d1a53c12" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "council_result_declarations" ADD CONSTRAINT "FK_e48c1ef084c4ba59f6b35ae6017" FOREIGN KEY ("contest_id") REFERENCES "contests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "council_result_declarations" ADD CONSTRAINT "FK_d204c1748a2a67b37d9c2d936b4" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "council_result_declarations" DROP CONSTRAINT "FK_d204c1748a2a67b37d9c2d936b4"`);
    await queryRunner.query(`ALTER TABLE "council_result_declarations" DROP CONSTRAINT "FK_e48c1ef084c4ba59f6b35ae6017"`);
    await queryRunner.query(`ALTER TABLE "council_batch_votes" DROP CONSTRAINT "FK_3ec66bb763b8364aa95d1a53c12"`);
    await queryRunner.query(`ALTER TABLE "council_batch_votes" DROP CONSTRAINT "FK_baf87ad9733d3cfee6aa5dc07c2"`);
    await queryRunner.query(`ALTER TABLE "council_batch_papers" DROP CONSTRAINT "FK_5f85a52b4ca9594f86925253b35"`);
    await queryRunner.query(`ALTER TABLE "council_batch_papers" DROP CONSTRAINT "FK_95fca2e980a70057e81a9d063e7"`);
    await queryRunner.query(`ALTER TABLE "council_batches" DROP CONSTRAINT "FK_0171f7eedfb8e467e7146389afd"`);
    await queryRunner.query(`ALTER TABLE "council_batches" DROP CONSTRAINT "FK_8a0c5518da0a943f02ad44d39ab"`);
    await queryRunner.query(`DROP TABLE "council_result_declarations"`);
    await queryRunner.query(`DROP TABLE "council_batch_votes"`);
    await queryRunner.query(`DROP TABLE "council_batch_papers"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d6eb89e6d6fad2d52e12e3649c"`);
    await queryRunner.query(`DROP TABLE "council_batches"`);
  }
}
