import type { MigrationInterface, QueryRunner } from 'typeorm';

// R8.7: the publication log (apps/api/src/modules/publication/entities/publication-release.entity.ts).
export class AddPublicationReleases1796592389190 implements MigrationInterface {
  name = 'AddPublicationReleases1796592389190';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "publication_releases" ("election_id" uuid NOT NULL, "seq" integer NOT NULL, "version" integer NOT NULL, "key" text NOT NULL, "added" jsonb NOT NULL, "removed" jsonb NOT NULL, "released_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9f4513f480b81c0c9b5014553f" PRIMARY KEY ("election_id", "seq"))`);
    await queryRunner.query(`ALTER TABLE "publication_releases" ADD CONSTRAINT "FK_0635710e8c445f55063ebd70909" FOREIGN KEY ("election_id") REFERENCES "elections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "publication_releases" DROP CONSTRAINT "FK_0635710e8c445f55063ebd70909"`);
    await queryRunner.query(`DROP TABLE "publication_releases"`);
  }
}
