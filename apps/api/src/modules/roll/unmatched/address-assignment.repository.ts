import { Injectable } from '@nestjs/common';
import type { Queryable } from '../../../platform/database/database';

/** A resident of the register whose address gave no unique polling district, as far as the assignment needs. */
export type UnassignedResident = {
  readonly line_no: number;
  readonly person_id: string;
  readonly address_status: string;
  readonly address_candidates: string | null;
  readonly district_number: string | null;
};

/** All SQL of assigning an unmatched address to a polling district by hand. */
@Injectable()
export class AddressAssignmentRepository {
  /** The entered resident of the line, locked, if the address has no polling district of the election. */
  async lockUnassigned(db: Queryable, electionId: string, importId: string, line: number): Promise<UnassignedResident | null> {
    const { rows } = await db.query<UnassignedResident>(
      `SELECT r.line_no, r.person_id, r.address_status, r.address_candidates, r.district_number
       FROM register_rows r
       WHERE r.import_id = $2 AND r.line_no = $3 AND r.entered
         AND NOT (r.address_status = 'match'
           AND EXISTS (SELECT 1 FROM districts d WHERE d.election_id = $1 AND d.kind = 'polling' AND d.number = r.district_number))
       FOR UPDATE OF r`,
      [electionId, importId, line],
    );
    return rows[0] ?? null;
  }

  /** The number of a polling district of the election, or null. */
  async pollingDistrictNumber(db: Queryable, electionId: string, districtId: string): Promise<string | null> {
    const { rows } = await db.query<{ number: string }>(
      `SELECT number FROM districts WHERE election_id = $1 AND id = $2 AND kind = 'polling'`,
      [electionId, districtId],
    );
    return rows[0]?.number ?? null;
  }

  /** The register row now matches the chosen district, so a rebuild from the same import keeps it. */
  async assign(db: Queryable, importId: string, line: number, districtNumber: string): Promise<void> {
    await db.query(
      `UPDATE register_rows SET district_number = $3, address_status = 'match', address_candidates = NULL
       WHERE import_id = $1 AND line_no = $2`,
      [importId, line, districtNumber],
    );
  }

  /**
   * The resident's entry after the last number of the district (nobody else's number changes, R1.14),
   * and the roll's counts; the voter number, or null if the person is already in the roll.
   */
  async appendEntry(db: Queryable, electionId: string, importId: string, line: number, remark: string): Promise<number | null> {
    const { rows } = await db.query<{ voter_number: number }>(
      `INSERT INTO roll_entries (election_id, voter_id, district_id, voter_number, person_id, family_name, given_names, birth_date, street,
         house_number, postal_code, city, information_block, remarks, added_after_build, source_import_id, source_line_no)
       SELECT $1, (SELECT coalesce(max(voter_id), 0) + 1 FROM roll_entries WHERE election_id = $1), d.id,
         (SELECT coalesce(max(voter_number), 0) + 1 FROM roll_entries x WHERE x.district_id = d.id),
         r.person_id, r.family_name, r.given_names, r.birth_date, r.street, r.house_number, r.postal_code, r.city, r.information_block,
         $4, true, r.import_id, r.line_no
       FROM register_rows r JOIN districts d ON d.election_id = $1 AND d.kind = 'polling' AND d.number = r.district_number
       WHERE r.import_id = $2 AND r.line_no = $3
         AND NOT EXISTS (SELECT 1 FROM roll_entries e WHERE e.election_id = $1 AND e.person_id = r.person_id AND e.status = 'active')
       RETURNING voter_number`,
      [electionId, importId, line, remark],
    );
    if (rows.length === 0) return null;
    await db.query('UPDATE rolls SET voters = voters + 1, unassigned = unassigned - 1 WHERE election_id = $1', [electionId]);
    return rows[0]!.voter_number;
  }
}
