import { Injectable } from '@nestjs/common';
import type { ProposalDetails } from '@wahl/contracts';
import type { ChangeProposalKind, ChangeProposalStatus } from '../entities/roll-change-proposal.entity';
import { Database, type Queryable } from '../../../platform/database/database';

export type ProposalRow = {
  id: string;
  import_id: string;
  kind: ChangeProposalKind;
  status: ChangeProposalStatus;
  voter_id: number | null;
  line_no: number | null;
  person_id: string;
  details: ProposalDetails;
  created_at: Date;
  decided_at: Date | null;
  decided_by_username: string | null;
  decision_reason: string | null;
};

const ADDRESS = (alias: string) =>
  `${alias}.street || ' ' || ${alias}.house_number || ', ' || ${alias}.postal_code || ' ' || ${alias}.city`;

const BEFORE = `jsonb_build_object('familyName', e.family_name, 'givenNames', e.given_names, 'birthDate', e.birth_date::text,
  'address', e.street || ' ' || e.house_number || ', ' || e.postal_code || ' ' || e.city, 'districtId', e.district_id,
  'districtNumber', ed.number, 'voterNumber', e.voter_number)`;

const AFTER = `jsonb_build_object('familyName', r.family_name, 'givenNames', r.given_names, 'birthDate', r.birth_date::text,
  'address', ${ADDRESS('r')}, 'districtId', d.id, 'districtNumber', d.number,
  'reasons', CASE WHEN r.reasons IS NULL THEN NULL ELSE to_jsonb(string_to_array(r.reasons, ',')) END)`;

/** SQL of change proposals: made by comparing the frozen roll with a later import, decided by a clerk. */
@Injectable()
export class RollChangesRepository {
  constructor(private readonly db: Database) {}

  async supersedeOpen(db: Queryable, electionId: string): Promise<void> {
    await db.query(`UPDATE roll_change_proposals SET status = 'superseded' WHERE election_id = $1 AND status = 'open'`, [electionId]);
  }

  /**
   * One statement per kind, comparing active roll entries with the import's rows by person id:
   * died (absent from the register), moved away (no longer entered, or another district), name
   * changed (same district, other names), moved in (entered with one district, not in the roll).
   */
  async propose(db: Queryable, electionId: string, importId: string): Promise<number> {
    const params = [electionId, importId];
    const districtJoin = `LEFT JOIN districts d ON d.election_id = $1 AND d.kind = 'polling' AND r.address_status = 'match' AND d.number = r.district_number`;
    const inserts = [
      `INSERT INTO roll_change_proposals (election_id, import_id, kind, voter_id, line_no, person_id, details)
       SELECT $1, $2, 'died', e.voter_id, NULL, e.person_id, jsonb_build_object('before', ${BEFORE})
       FROM roll_voters e JOIN districts ed ON ed.id = e.district_id
       WHERE e.election_id = $1 AND e.status = 'active'
         AND NOT EXISTS (SELECT 1 FROM register_rows r WHERE r.import_id = $2 AND r.person_id = e.person_id)`,
      `INSERT INTO roll_change_proposals (election_id, import_id, kind, voter_id, line_no, person_id, details)
       SELECT $1, $2, 'moved-away', e.voter_id, r.line_no, e.person_id, jsonb_build_object('before', ${BEFORE}, 'after', ${AFTER})
       FROM roll_voters e JOIN districts ed ON ed.id = e.district_id
       JOIN register_rows r ON r.import_id = $2 AND r.person_id = e.person_id ${districtJoin}
       WHERE e.election_id = $1 AND e.status = 'active' AND (NOT r.entered OR d.id IS DISTINCT FROM e.district_id)`,
      `INSERT INTO roll_change_proposals (election_id, import_id, kind, voter_id, line_no, person_id, details)
       SELECT $1, $2, 'name-changed', e.voter_id, r.line_no, e.person_id, jsonb_build_object('before', ${BEFORE}, 'after', ${AFTER})
       FROM roll_voters e JOIN districts ed ON ed.id = e.district_id
       JOIN register_rows r ON r.import_id = $2 AND r.person_id = e.person_id ${districtJoin}
       WHERE e.election_id = $1 AND e.status = 'active' AND r.entered AND d.id = e.district_id
         AND (r.family_name <> e.family_name OR r.given_names <> e.given_names)`,
      `INSERT INTO roll_change_proposals (election_id, import_id, kind, voter_id, line_no, person_id, details)
       SELECT $1, $2, 'moved-in', NULL, r.line_no, r.person_id, jsonb_build_object('after', ${AFTER})
       FROM register_rows r ${districtJoin}
       WHERE r.import_id = $2 AND r.entered AND d.id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM roll_entries e WHERE e.election_id = $1 AND e.person_id = r.person_id AND e.status = 'active')`,
    ];
    // Right after the import the new rows have no statistics: hash joins, never a nested loop over them.
    await db.query('SET LOCAL enable_nestloop = off');
    let created = 0;
    for (const sql of inserts) created += (await db.query(sql, params)).rowCount ?? 0;
    return created;
  }

  async list(
    electionId: string,
    filter: { status?: ChangeProposalStatus; kind?: ChangeProposalKind; limit: number; offset: number },
  ): Promise<{ total: number; rows: ProposalRow[] }> {
    const where = `WHERE election_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR kind = $3)`;
    const params = [electionId, filter.status ?? null, filter.kind ?? null];
    const [count, list] = await Promise.all([
      this.db.query<{ total: number }>(`SELECT count(*)::int AS total FROM roll_change_proposals ${where}`, params),
      this.db.query<ProposalRow>(
        `SELECT id, import_id, kind, status, voter_id, line_no, person_id, details, created_at, decided_at, decided_by_username, decision_reason
         FROM roll_change_proposals ${where} ORDER BY kind, person_id COLLATE "C" LIMIT $4 OFFSET $5`,
        [...params, filter.limit, filter.offset],
      ),
    ]);
    return { total: count.rows[0]?.total ?? 0, rows: list.rows };
  }

  async counts(db: Queryable, electionId: string): Promise<{ kind: ChangeProposalKind; status: ChangeProposalStatus; count: number }[]> {
    const { rows } = await db.query<{ kind: ChangeProposalKind; status: ChangeProposalStatus; count: number }>(
      'SELECT kind, status, count(*)::int AS count FROM roll_change_proposals WHERE election_id = $1 GROUP BY kind, status',
      [electionId],
    );
    return rows;
  }

  /** Open proposals to decide, locked; by id, or all open ones (of a kind). */
  async lockOpen(
    db: Queryable,
    electionId: string,
    ids: readonly string[] | null,
    kind: ChangeProposalKind | null,
  ): Promise<ProposalRow[]> {
    const { rows } = await db.query<ProposalRow>(
      `SELECT id, import_id, kind, status, voter_id, line_no, person_id, details, created_at, decided_at, decided_by_username, decision_reason
       FROM roll_change_proposals
       WHERE election_id = $1 AND status = 'open' AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) AND ($3::text IS NULL OR kind = $3)
       ORDER BY created_at, id FOR UPDATE`,
      [electionId, ids, kind],
    );
    return rows;
  }

  async statusOf(db: Queryable, electionId: string, ids: readonly string[]): Promise<{ id: string; status: ChangeProposalStatus }[]> {
    const { rows } = await db.query<{ id: string; status: ChangeProposalStatus }>(
      'SELECT id, status FROM roll_change_proposals WHERE election_id = $1 AND id = ANY($2::uuid[])',
      [electionId, ids],
    );
    return rows;
  }

  async decide(db: Queryable, ids: readonly string[], status: 'accepted' | 'rejected', username: string, reason: string): Promise<void> {
    await db.query(
      `UPDATE roll_change_proposals SET status = $2, decided_at = now(), decided_by_username = $3, decision_reason = $4 WHERE id = ANY($1::uuid[])`,
      [ids, status, username, reason],
    );
  }

  /** Died or moved away: the entry stays with its number and gets the deletion mark (R1.17) and a remark (R1.20). */
  async strike(db: Queryable, electionId: string, proposalIds: readonly string[], remarkPrefix: string): Promise<void> {
    if (proposalIds.length === 0) return;
    await db.query(
      `UPDATE roll_entries e SET status = 'removed', removal_reason = p.kind,
         remarks = concat_ws(' ', e.remarks, $3 || CASE p.kind WHEN 'died' THEN 'verstorben (nicht mehr im Melderegister).' ELSE 'weggezogen.' END)
       FROM roll_change_proposals p
       WHERE p.id = ANY($2::uuid[]) AND e.election_id = $1 AND e.voter_id = p.voter_id AND e.status = 'active'`,
      [electionId, proposalIds, remarkPrefix],
    );
  }

  /** Name changed: the number stays (R1.14); the new name is the entry's own, the old one goes into the remarks. */
  async rename(db: Queryable, electionId: string, proposalIds: readonly string[], remarkPrefix: string): Promise<void> {
    if (proposalIds.length === 0) return;
    await db.query(
      `UPDATE roll_entries e SET family_name = r.family_name, given_names = r.given_names,
         remarks = concat_ws(' ', e.remarks, $3 || 'Name geändert, vorher ' || v.family_name || ', ' || v.given_names || '.')
       FROM roll_change_proposals p JOIN register_rows r ON r.import_id = p.import_id AND r.line_no = p.line_no
         JOIN roll_voters v ON v.election_id = $1 AND v.voter_id = p.voter_id
       WHERE p.id = ANY($2::uuid[]) AND e.election_id = $1 AND e.voter_id = p.voter_id AND e.status = 'active'`,
      [electionId, proposalIds, remarkPrefix],
    );
  }

  /**
   * Moved in (or moved within the municipality): new entries after the last number of their district,
   * in roll order among themselves; nobody else's number changes (R1.14).
   */
  async add(db: Queryable, electionId: string, proposalIds: readonly string[], remarkPrefix: string): Promise<number> {
    if (proposalIds.length === 0) return 0;
    const result = await db.query(
      `INSERT INTO roll_entries (election_id, voter_id, district_id, voter_number, person_id, family_name, given_names, birth_date, street,
         house_number, postal_code, city, information_block, remarks, added_after_build, source_import_id, source_line_no)
       SELECT $1,
         (SELECT coalesce(max(voter_id), 0) FROM roll_entries WHERE election_id = $1) + row_number() OVER (ORDER BY d.ordinal, r.order_key COLLATE "C"),
         d.id,
         coalesce((SELECT max(voter_number) FROM roll_entries x WHERE x.district_id = d.id), 0) + row_number() OVER (PARTITION BY d.id ORDER BY r.order_key COLLATE "C"),
         r.person_id, r.family_name, r.given_names, r.birth_date, r.street,
         r.house_number,
         r.postal_code, r.city, r.information_block, $3 || 'nachgetragen (Zuzug).', true, r.import_id, r.line_no
       FROM roll_change_proposals p
       JOIN register_rows r ON r.import_id = p.import_id AND r.line_no = p.line_no
       JOIN districts d ON d.election_id = $1 AND d.kind = 'polling' AND d.number = r.district_number
       WHERE p.id = ANY($2::uuid[]) AND r.entered AND r.address_status = 'match'
         AND NOT EXISTS (SELECT 1 FROM roll_entries e WHERE e.election_id = $1 AND e.person_id = r.person_id AND e.status = 'active')`,
      [electionId, proposalIds, remarkPrefix],
    );
    return result.rowCount ?? 0;
  }
}
