import { Injectable } from '@nestjs/common';
import type { ElectionKind, RetentionCategory } from '@wahl/domain';
import { advisoryXactLock, Database, tryAdvisoryXactLock, type Queryable, type Tx } from '../../platform/database/database';

/** The election's facts the plan needs. */
export type RetentionElection = { readonly id: string; readonly kind: ElectionKind; readonly electionDay: string };

export type StoredHold = { readonly reason: string; readonly note: string; readonly setAt: Date; readonly setByUsername: string };

export type LastRun = { readonly category: string; readonly ranAt: Date; readonly byUsername: string; readonly deleted: number };

const LOCK_SCOPE = 'retention';

// What each category deletes, children first (each statement's row count is added up). Results,
// district states, the audit chain, the election definition, the roll's counts (rolls), print job
// manifests (polling_card_jobs, _lots) and the roll log's non-personal entries are kept.
const IMPORTS = 'SELECT id FROM register_imports WHERE election_id = $1';
const APPLICATIONS = 'SELECT id FROM postal_applications WHERE election_id = $1';
// People of the election's office who did not agree to be asked again and are in no other election's
// pool (those stay until that election's period ends). Counted before and deleted after the pools.
const POLL_WORKERS_WITHOUT_CONSENT = `office_id = (SELECT office_id FROM elections WHERE id = $1) AND NOT keep_for_next_election
  AND NOT EXISTS (SELECT 1 FROM poll_worker_pool o WHERE o.person_id = poll_workers.id AND o.election_id <> $1)`;
const KEPT_ROLL_LOG_ACTIONS = `('roll-built', 'roll-closed', 'numbers-locked')`;

const TABLES: Readonly<Record<RetentionCategory, readonly { readonly table: string; readonly where: string }[]>> = {
  'card-pieces': [{ table: 'polling_card_pieces', where: 'election_id = $1' }],
  attempts: [
    { table: 'postal_access_attempts', where: 'election_id = $1' },
    { table: 'board_members', where: 'election_id = $1' },
  ],
  postal: [
    { table: 'postal_authority_documents', where: `application_id IN (${APPLICATIONS})` },
    { table: 'postal_certificates', where: 'election_id = $1' },
    { table: 'postal_repeat_notices', where: 'election_id = $1' },
    { table: 'postal_applications', where: 'election_id = $1' },
  ],
  roll: [
    { table: 'register_rows', where: `import_id IN (${IMPORTS})` },
    { table: 'register_import_rejects', where: `import_id IN (${IMPORTS})` },
    { table: 'register_pull_pages', where: `import_id IN (${IMPORTS})` },
    { table: 'register_imports', where: 'election_id = $1' },
    { table: 'roll_change_proposals', where: 'election_id = $1' },
    { table: 'roll_audit_entries', where: `election_id = $1 AND action NOT IN ${KEPT_ROLL_LOG_ACTIONS}` },
    { table: 'polling_card_tokens', where: 'election_id = $1' },
    { table: 'roll_entries', where: 'election_id = $1' },
  ],
  // The letters go with their runs; their PDF files are removed by the service.
  'poll-workers': [
    { table: 'poll_worker_letters', where: 'election_id = $1' },
    { table: 'poll_worker_letter_runs', where: 'election_id = $1' },
    { table: 'poll_worker_assignments', where: 'election_id = $1' },
    { table: 'poll_worker_pool', where: 'election_id = $1' },
    { table: 'poll_workers', where: POLL_WORKERS_WITHOUT_CONSENT },
  ],
  // The day's log and read receipts name board members; the Wahlniederschrift (polling_day_records) is kept.
  'polling-day': [
    { table: 'polling_day_message_reads', where: `message_id IN (SELECT id FROM polling_day_messages WHERE election_id = $1)` },
    { table: 'polling_day_entries', where: 'election_id = $1' },
  ],
};

/** All SQL of retention: the holds, the run log, and the deletions of the other modules' personal rows (R8.4). */
@Injectable()
export class RetentionRepository {
  constructor(private readonly database: Database) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.database.transaction(work);
  }

  async election(electionId: string): Promise<RetentionElection | null> {
    const { rows } = await this.database.query<RetentionElection>(
      `SELECT id, kind, election_day::text AS "electionDay" FROM elections WHERE id = $1`,
      [electionId],
    );
    return rows[0] ?? null;
  }

  async elections(): Promise<RetentionElection[]> {
    const { rows } = await this.database.query<RetentionElection>(
      `SELECT id, kind, election_day::text AS "electionDay" FROM elections ORDER BY election_day, id`,
    );
    return rows;
  }

  /** Rows stored per category, one round trip. */
  async counts(electionId: string): Promise<Record<RetentionCategory, number>> {
    const sums = Object.entries(TABLES).map(
      ([category, tables]) =>
        `(${tables.map(({ table, where }) => `(SELECT count(*) FROM ${table} WHERE ${where})`).join(' + ')})::int AS "${category}"`,
    );
    const { rows } = await this.database.query<Record<RetentionCategory, number>>(`SELECT ${sums.join(', ')}`, [electionId]);
    return rows[0]!;
  }

  /** Deletes one category's rows in the caller's transaction; the number of rows deleted. */
  async deleteCategory(tx: Queryable, electionId: string, category: RetentionCategory): Promise<number> {
    let deleted = 0;
    for (const { table, where } of TABLES[category]) {
      deleted += (await tx.query(`DELETE FROM ${table} WHERE ${where}`, [electionId])).rowCount ?? 0;
    }
    return deleted;
  }

  /** The printed lots of the election's card jobs (PDF and piece list carry names and addresses). */
  async lotFiles(tx: Queryable, electionId: string): Promise<{ outDir: string; fileName: string }[]> {
    const { rows } = await tx.query<{ outDir: string; fileName: string }>(
      `SELECT j.out_dir AS "outDir", l.file_name AS "fileName"
       FROM polling_card_lots l JOIN polling_card_jobs j ON j.id = l.job_id WHERE j.election_id = $1 ORDER BY j.out_dir, l.lot`,
      [electionId],
    );
    return rows;
  }

  /** The appointment letter PDFs of the election's runs (file names in the letters folder). */
  async letterFiles(tx: Queryable, electionId: string): Promise<string[]> {
    const { rows } = await tx.query<{ fileName: string }>(
      `SELECT file_name AS "fileName" FROM poll_worker_letter_runs WHERE election_id = $1 AND file_name IS NOT NULL ORDER BY file_name`,
      [electionId],
    );
    return rows.map((row) => row.fileName);
  }

  /** Sign-ins (successful and failed) and postal attempts tied to no election, older than `before`. */
  async deleteUntiedAttempts(before: Date): Promise<number> {
    return this.database.transaction(async (tx) => {
      const failures = await tx.query('DELETE FROM login_failures WHERE at < $1', [before]);
      const signIns = await tx.query('DELETE FROM sign_ins WHERE at < $1', [before]);
      const attempts = await tx.query('DELETE FROM postal_access_attempts WHERE election_id IS NULL AND at < $1', [before]);
      return (failures.rowCount ?? 0) + (signIns.rowCount ?? 0) + (attempts.rowCount ?? 0);
    });
  }

  /** One deletion or hold change per election at a time: false when another holds it (no waiting). */
  tryLockElection(tx: Tx, electionId: string): Promise<boolean> {
    return tryAdvisoryXactLock(tx, LOCK_SCOPE, electionId);
  }

  lockElection(tx: Tx, electionId: string): Promise<void> {
    return advisoryXactLock(tx, LOCK_SCOPE, electionId);
  }

  async hold(electionId: string, db: Queryable = this.database): Promise<StoredHold | null> {
    const { rows } = await db.query<StoredHold>(
      `SELECT reason, note, set_at AS "setAt", set_by_username AS "setByUsername" FROM retention_holds WHERE election_id = $1`,
      [electionId],
    );
    return rows[0] ?? null;
  }

  /** False when the election already has a hold. */
  async insertHold(tx: Queryable, electionId: string, hold: StoredHold): Promise<boolean> {
    const { rowCount } = await tx.query(
      `INSERT INTO retention_holds (election_id, reason, note, set_at, set_by_username) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (election_id) DO NOTHING`,
      [electionId, hold.reason, hold.note, hold.setAt, hold.setByUsername],
    );
    return rowCount === 1;
  }

  /** The lifted hold, or null when there was none. */
  async deleteHold(tx: Queryable, electionId: string): Promise<StoredHold | null> {
    const { rows } = await tx.query<StoredHold>(
      `DELETE FROM retention_holds WHERE election_id = $1
       RETURNING reason, note, set_at AS "setAt", set_by_username AS "setByUsername"`,
      [electionId],
    );
    return rows[0] ?? null;
  }

  async insertRun(tx: Queryable, electionId: string, run: LastRun): Promise<void> {
    await tx.query('INSERT INTO retention_runs (election_id, category, ran_at, deleted, by_username) VALUES ($1, $2, $3, $4, $5)', [
      electionId,
      run.category,
      run.ranAt,
      run.deleted,
      run.byUsername,
    ]);
  }

  async lastRuns(electionId: string): Promise<LastRun[]> {
    const { rows } = await this.database.query<LastRun>(
      `SELECT DISTINCT ON (category) category, ran_at AS "ranAt", by_username AS "byUsername", deleted
       FROM retention_runs WHERE election_id = $1 ORDER BY category, ran_at DESC`,
      [electionId],
    );
    return rows;
  }
}
