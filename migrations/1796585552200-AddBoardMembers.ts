import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddBoardMembers1796585552200 implements MigrationInterface {
  name = 'AddBoardMembers1796585552200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "board_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code_id" uuid NOT NULL, "election_id" uuid NOT NULL, "name_key" text NOT NULL, "name" text NOT NULL, "pin_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6994cea1393b5fa3a0dd827a9f7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_22eb4746838bdfc44e58fe222f" ON "board_members" ("election_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b2d3437cbe30c8951eb0cfd286" ON "board_members" ("code_id", "name_key") `);
    await queryRunner.query(`ALTER TABLE "board_members" ADD CONSTRAINT "FK_02bcb371c6704e9896185859a46" FOREIGN KEY ("code_id") REFERENCES "board_access_codes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Board sessions opened before personal sign-in have a principal per session (issue #17): end them,
    // so that every board member signs in again with name and PIN. Sessions need no restoring on down.
    await queryRunner.query(`DELETE FROM "sessions" WHERE "board_scope" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "board_members" DROP CONSTRAINT "FK_02bcb371c6704e9896185859a46"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b2d3437cbe30c8951eb0cfd286"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_22eb4746838bdfc44e58fe222f"`);
    await queryRunner.query(`DROP TABLE "board_members"`);
  }
}
