import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { copyIn, copyOut, Database, type Queryable, type Tx } from '../../../platform/database/database';

export type RollRow = {
  election_id: string;
  office_id: string;
  base_import_id: string;
  cutoff_day: string;
  built_at: Date;
  built_by_username: string;
  residents: number;
  voters: number;
  not_entered: number;
  unassigned: number;
  numbers_locked: boolean;
  numbers_locked_at: Date | null;
  closed_at: Date | null;
};

export type RollEntryRow = {
  voter_id: number;
  district_id: string;
  voter_number: number;
  person_id: string;
  family_name: string;
  given_names: string;
  birth_date: string;
  street: string;
  house_number: string;
  postal_code: string;
  city: string;
  information_block: boolean;
  status: 'active' | 'removed';
  removal_reason: string | null;
  remarks: string | null;
  postal_vote_certificate: string | null;
  postal_vote_marked_at: Date | null;
  added_after_build: boolean;
};

export type ClosingCountRow = { district_id: string; a1: number; a2: number; removed: number };

/** A roll entry as read (`roll_voters`: names and address from the referenced register row unless the entry has its own). */
const ENTRY_COLUMNS = `voter_id, district_id, voter_number, person_id, family_name, given_names, birth_date::text AS birth_date, street, house_number,
  postal_code, city, information_block, status, removal_reason, remarks, postal_vote_certificate, postal_vote_marked_at, added_after_build`;

/** An entered resident whose address gave exactly one polling district of this election. */
const ASSIGNED_SQL = `r.entered AND r.address_status = 'match' AND d.id IS NOT NULL`;

/** All SQL of the roll and its entries. */
@Injectable()
export class RollRepository {
  constructor(private readonly db: Database) {}

  async find(db: Queryable, electionId: string, forUpdate = false): Promise<RollRow | null> {
    const { rows } = await db.query<RollRow>(
      `SELECT election_id, office_id, base_import_id, cutoff_day::text AS cutoff_day, built_at, built_by_username, residents, voters,
         not_entered, unassigned, numbers_locked, numbers_locked_at, closed_at
       FROM rolls WHERE election_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [electionId],
    );
    return rows[0] ?? null;
  }

  /**
   * Writes the roll from an import's rows: a second connection (the reader) sorts and numbers them
   * in one statement and streams the result as binary COPY straight into a COPY on the writing
   * connection (the build's transaction), so the bytes pass through untouched, both connections work
   * at once, and the rows are stored with COPY's batched inserts. An entry references its register
   * row for names and address (read through `roll_voters`); it carries the person id and birth date
   * that the change proposals and the search filter on. Numbers (R1.12): per district in the order
   * of the precomputed order key (rollOrderKey, compared byte-wise with COLLATE "C"), which
   * reproduces compareVoters exactly; voter ids run through all districts in the same sort.
   */
  async copyEntries(writer: Tx, electionId: string, importId: string): Promise<number> {
    return this.withBuildReader(async (reader) => {
      // COPY takes no parameters: the ids are bound into transaction-local settings of the reader
      // and read back once per statement; the election id of each row comes from its district.
      await reader.query(`SELECT set_config('wahl.roll_election', $1, true), set_config('wahl.roll_import', $2, true)`, [
        electionId,
        importId,
      ]);
      // Binary COPY: each value's type must be the column's exactly (integer, not row_number's bigint).
      const select = `SELECT d.election_id, (row_number() OVER (ORDER BY d.ordinal, r.order_key COLLATE "C"))::int, d.id,
           (row_number() OVER (PARTITION BY d.ordinal ORDER BY r.order_key COLLATE "C"))::int,
           r.person_id, r.birth_date, r.import_id, r.line_no
         FROM register_rows r
         JOIN districts d ON d.election_id = current_setting('wahl.roll_election')::uuid AND d.kind = 'polling' AND d.number = r.district_number
         WHERE r.import_id = current_setting('wahl.roll_import')::uuid AND r.entered AND r.address_status = 'match'`;
      const source = copyOut(reader, `COPY (${select}) TO STDOUT (FORMAT binary)`);
      const sink = copyIn(
        writer,
        `COPY roll_entries (election_id, voter_id, district_id, voter_number, person_id, birth_date, source_import_id, source_line_no)
         FROM STDIN (FORMAT binary)`,
      ) as Writable & { rowCount: number };
      await pipeline(source, sink);
      return sink.rowCount;
    });
  }

  /**
   * A second connection that reads the import's rows (committed before) while the build's own
   * transaction writes. Sorting a million keys in memory instead of on disk, and hash joins: right
   * after an import the table has no statistics yet, and a nested loop over it would be planned.
   */
  private async withBuildReader<T>(work: (reader: Tx) => Promise<T>): Promise<T> {
    const reader = await this.db.connect();
    try {
      await reader.query('BEGIN READ ONLY');
      await reader.query(`SET LOCAL work_mem = '256MB'`);
      await reader.query('SET LOCAL enable_nestloop = off');
      const result = await work(reader);
      await reader.query('COMMIT');
      reader.release();
      return result;
    } catch (error) {
      // A connection left in the middle of COPY cannot be reused.
      reader.release(true);
      throw error;
    }
  }

  async hasMarks(db: Queryable, electionId: string): Promise<boolean> {
    const { rows } = await db.query<{ marked: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM roll_entries WHERE election_id = $1 AND postal_vote_certificate IS NOT NULL) AS marked',
      [electionId],
    );
    return rows[0]?.marked === true;
  }

  async deleteEntries(db: Queryable, electionId: string): Promise<void> {
    await db.query('DELETE FROM roll_entries WHERE election_id = $1', [electionId]);
  }

  async residentCounts(db: Queryable, importId: string): Promise<{ residents: number; not_entered: number }> {
    const { rows } = await db.query<{ residents: number; not_entered: number }>(
      'SELECT count(*)::int AS residents, count(*) FILTER (WHERE NOT entered)::int AS not_entered FROM register_rows WHERE import_id = $1',
      [importId],
    );
    return rows[0] ?? { residents: 0, not_entered: 0 };
  }

  async saveRoll(db: Queryable, roll: Omit<RollRow, 'numbers_locked' | 'numbers_locked_at' | 'built_at'>): Promise<void> {
    await db.query(
      `INSERT INTO rolls (election_id, office_id, base_import_id, cutoff_day, built_at, built_by_username, residents, voters, not_entered, unassigned)
       VALUES ($1, $2, $3, $4, now(), $5, $6, $7, $8, $9)
       ON CONFLICT (election_id) DO UPDATE SET base_import_id = $3, cutoff_day = $4, built_at = now(), built_by_username = $5,
         residents = $6, voters = $7, not_entered = $8, unassigned = $9`,
      [
        roll.election_id,
        roll.office_id,
        roll.base_import_id,
        roll.cutoff_day,
        roll.built_by_username,
        roll.residents,
        roll.voters,
        roll.not_entered,
        roll.unassigned,
      ],
    );
  }

  async lockNumbers(db: Queryable, electionId: string): Promise<boolean> {
    const result = await db.query(
      'UPDATE rolls SET numbers_locked = true, numbers_locked_at = coalesce(numbers_locked_at, now()) WHERE election_id = $1',
      [electionId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  /** Voters per district: active (with and without "W") and removed. */
  async districtCounts(db: Queryable, electionId: string): Promise<ClosingCountRow[]> {
    const { rows } = await db.query<ClosingCountRow>(
      `SELECT district_id,
         count(*) FILTER (WHERE status = 'active' AND postal_vote_certificate IS NULL)::int AS a1,
         count(*) FILTER (WHERE status = 'active' AND postal_vote_certificate IS NOT NULL)::int AS a2,
         count(*) FILTER (WHERE status = 'removed')::int AS removed
       FROM roll_entries WHERE election_id = $1 GROUP BY district_id`,
      [electionId],
    );
    return rows;
  }

  /** Residents not entered, by main reason (the first of the row's reasons). */
  async notEnteredByReason(db: Queryable, importId: string): Promise<{ reason: string; count: number }[]> {
    const { rows } = await db.query<{ reason: string; count: number }>(
      `SELECT split_part(reasons, ',', 1) AS reason, count(*)::int AS count FROM register_rows
       WHERE import_id = $1 AND NOT entered GROUP BY 1`,
      [importId],
    );
    return rows;
  }

  /** Entered residents without exactly one polling district (R2.4): for the clerk, never guessed. */
  async unassigned(db: Queryable, electionId: string, importId: string, limit: number): Promise<{ total: number; rows: UnassignedRow[] }> {
    const where = `FROM register_rows r
       LEFT JOIN districts d ON d.election_id = $1 AND d.kind = 'polling' AND d.number = r.district_number
       WHERE r.import_id = $2 AND r.entered AND NOT (${ASSIGNED_SQL})`;
    const [count, list] = await Promise.all([
      db.query<{ total: number }>(`SELECT count(*)::int AS total ${where}`, [electionId, importId]),
      db.query<UnassignedRow>(
        `SELECT r.line_no, r.person_id, r.family_name, r.given_names, r.birth_date::text AS birth_date, r.street_key, r.street,
           r.house_number AS house_number, r.postal_code, r.city, r.address_status, r.address_candidates, r.district_number
         ${where} ORDER BY r.street, r.house_number, r.line_no LIMIT $3`,
        [electionId, importId, limit],
      ),
    ]);
    return { total: count.rows[0]?.total ?? 0, rows: list.rows };
  }

  async entriesOfDistrict(electionId: string, districtId: string): Promise<RollEntryRow[]> {
    const { rows } = await this.db.query<RollEntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM roll_voters WHERE election_id = $1 AND district_id = $2 ORDER BY voter_number`,
      [electionId, districtId],
    );
    return rows;
  }

  async entry(db: Queryable, electionId: string, voterId: number, forUpdate = false): Promise<RollEntryRow | null> {
    return (await this.entriesByIds(db, electionId, [voterId], forUpdate))[0] ?? null;
  }

  /** Voters born on a day: the search narrows by birth date first, then compares names. */
  async entriesBornOn(electionId: string, birthDate: string): Promise<RollEntryRow[]> {
    const { rows } = await this.db.query<RollEntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM roll_voters WHERE election_id = $1 AND birth_date = $2 ORDER BY voter_id`,
      [electionId, birthDate],
    );
    return rows;
  }

  /** Entries by id (in voter-id order), optionally locked for a change in the caller's transaction. */
  async entriesByIds(db: Queryable, electionId: string, voterIds: readonly number[], forUpdate = false): Promise<RollEntryRow[]> {
    if (forUpdate) {
      // The view's outer join cannot be locked: the entries themselves are, in voter-id order.
      await db.query('SELECT 1 FROM roll_entries WHERE election_id = $1 AND voter_id = ANY($2::int[]) ORDER BY voter_id FOR UPDATE', [
        electionId,
        voterIds,
      ]);
    }
    const { rows } = await db.query<RollEntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM roll_voters WHERE election_id = $1 AND voter_id = ANY($2::int[]) ORDER BY voter_id`,
      [electionId, voterIds],
    );
    return rows;
  }

  /** Sets "W" with each voter's certificate number; returns the voter ids that were marked (active entries only). */
  async markPostalVotes(
    db: Queryable,
    electionId: string,
    marks: readonly { voterId: number; certificateNumber: string }[],
  ): Promise<number[]> {
    const { rows } = await db.query<{ voter_id: number }>(
      `UPDATE roll_entries e SET postal_vote_certificate = m.certificate, postal_vote_marked_at = now()
       FROM unnest($2::int[], $3::text[]) AS m(voter_id, certificate)
       WHERE e.election_id = $1 AND e.voter_id = m.voter_id AND e.status = 'active' RETURNING e.voter_id`,
      [electionId, marks.map((m) => m.voterId), marks.map((m) => m.certificateNumber)],
    );
    return rows.map((r) => r.voter_id);
  }

  /** R1.21: records the closing once; false when the roll is missing or closed already. */
  async close(db: Queryable, electionId: string, username: string): Promise<Date | null> {
    const { rows } = await db.query<{ closed_at: Date }>(
      'UPDATE rolls SET closed_at = now(), closed_by_username = $2 WHERE election_id = $1 AND closed_at IS NULL RETURNING closed_at',
      [electionId, username],
    );
    return rows[0]?.closed_at ?? null;
  }

  async closing(db: Queryable, electionId: string): Promise<{ closed_at: Date; closed_by_username: string } | null> {
    const { rows } = await db.query<{ closed_at: Date; closed_by_username: string }>(
      'SELECT closed_at, closed_by_username FROM rolls WHERE election_id = $1 AND closed_at IS NOT NULL',
      [electionId],
    );
    return rows[0] ?? null;
  }

  async markPostalVote(db: Queryable, electionId: string, voterId: number, certificateNumber: string): Promise<void> {
    await db.query(
      `UPDATE roll_entries SET postal_vote_certificate = $3, postal_vote_marked_at = now() WHERE election_id = $1 AND voter_id = $2`,
      [electionId, voterId, certificateNumber],
    );
  }
}

export type UnassignedRow = {
  line_no: number;
  person_id: string;
  family_name: string;
  given_names: string;
  birth_date: string;
  street_key: string;
  street: string;
  house_number: string;
  postal_code: string;
  city: string;
  address_status: string;
  address_candidates: string | null;
  district_number: string | null;
};
