import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RegisterPullSources1796585996254 implements MigrationInterface {
  name = 'RegisterPullSources1796585996254';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "register_pull_sources" ("office_id" uuid NOT NULL, "base_url" text NOT NULL, "created_by_username" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3838d8affe15a474e10340b84a4" PRIMARY KEY ("office_id", "base_url"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "register_pull_sources"`);
  }
}
