import type { MigrationInterface, QueryRunner } from 'typeorm';

/** District boundaries and the public map per election (issue 15). */
export class AddDistrictMaps1796603694746 implements MigrationInterface {
  name = 'AddDistrictMaps1796603694746';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "district_maps" ("election_id" uuid NOT NULL, "file_name" text, "boundaries" jsonb NOT NULL, "map_json" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3e016c57ca90d36db7c3d7c442f" PRIMARY KEY ("election_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "district_maps" ADD CONSTRAINT "FK_3e016c57ca90d36db7c3d7c442f" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "district_maps"`);
  }
}
