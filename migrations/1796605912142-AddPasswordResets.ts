import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPasswordResets1796605912142 implements MigrationInterface {
  name = 'AddPasswordResets1796605912142';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "password_resets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by" uuid NOT NULL, "created_by_name" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4816377aa98211c1de34469e742" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_2050a50a42e99278bc83fa6c1a" ON "password_resets" ("user_id", "created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_2050a50a42e99278bc83fa6c1a"`);
    await queryRunner.query(`DROP TABLE "password_resets"`);
  }
}
