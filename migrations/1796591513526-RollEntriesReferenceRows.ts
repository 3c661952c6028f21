import type { MigrationInterface, QueryRunner } from 'typeorm';

// Roll entries made by the build keep only what identifies and orders them (and the birth date and
// person id the search and the change proposals filter on); names and address are read from the
// import's row they reference (issue 18: the build writes about a third fewer bytes). An entry added
// or renamed later keeps its own values, which take precedence. `roll_voters` is the entry as read.
const REFERENCED = ['family_name', 'given_names', 'street', 'house_number', 'postal_code', 'city', 'information_block'];

export class RollEntriesReferenceRows1796591513526 implements MigrationInterface {
  name = 'RollEntriesReferenceRows1796591513526';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const column of REFERENCED) await queryRunner.query(`ALTER TABLE "roll_entries" ALTER COLUMN "${column}" DROP NOT NULL`);
    await queryRunner.query(`CREATE VIEW "roll_voters" AS
      SELECT e.election_id, e.voter_id, e.district_id, e.voter_number, e.person_id,
        coalesce(e.family_name, r.family_name) AS family_name, coalesce(e.given_names, r.given_names) AS given_names, e.birth_date,
        coalesce(e.street, r.street) AS street, coalesce(e.house_number, r.house_number) AS house_number,
        coalesce(e.postal_code, r.postal_code) AS postal_code, coalesce(e.city, r.city) AS city,
        coalesce(e.information_block, r.information_block) AS information_block,
        e.status, e.removal_reason, e.remarks, e.postal_vote_certificate, e.postal_vote_marked_at, e.added_after_build,
        e.source_import_id, e.source_line_no
      FROM roll_entries e LEFT JOIN register_rows r ON r.import_id = e.source_import_id AND r.line_no = e.source_line_no`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "roll_entries" e SET ${REFERENCED.map((column) => `"${column}" = v."${column}"`).join(', ')}
       FROM "roll_voters" v WHERE v.election_id = e.election_id AND v.voter_id = e.voter_id AND e.family_name IS NULL`,
    );
    await queryRunner.query(`DROP VIEW "roll_voters"`);
    for (const column of REFERENCED) await queryRunner.query(`ALTER TABLE "roll_entries" ALTER COLUMN "${column}" SET NOT NULL`);
  }
}
