import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SharedRateLimits1796585508175 implements MigrationInterface {
  name = 'SharedRateLimits1796585508175';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "account_unlocks" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "unlocked_by" uuid NOT NULL, "unlocked_by_name" text NOT NULL, CONSTRAINT "PK_f6786bdd435cf6d7c0de7ff9144" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_105b1c84388753fec1197052d0" ON "account_unlocks" ("user_id", "at") `);
    await queryRunner.query(`CREATE TABLE "known_devices" ("token_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1d73099b4806241316e6d6c852e" PRIMARY KEY ("token_hash", "user_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9a86826243304385e7b1185bfe" ON "known_devices" ("user_id") `);
    await queryRunner.query(`CREATE TABLE "rate_limits" ("key" character varying(255) NOT NULL, "points" integer NOT NULL DEFAULT '0', "expire" bigint, CONSTRAINT "PK_8cb6aa4831e3e775ccf370521db" PRIMARY KEY ("key"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limits"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9a86826243304385e7b1185bfe"`);
    await queryRunner.query(`DROP TABLE "known_devices"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_105b1c84388753fec1197052d0"`);
    await queryRunner.query(`DROP TABLE "account_unlocks"`);
  }
}
