import { Injectable } from '@nestjs/common';
import type { RecordError } from '@wahl/domain';
import type { RegisterImportSource, RegisterImportStatusValue } from '../entities/register-import.entity';
import type { Writable } from 'node:stream';
import { copyIn, Database, type Queryable, type Tx } from '../../../platform/database/database';
import { REGISTER_ROW_COPY_COLUMNS } from './register-import-run';

export type RegisterImportRow = {
  id: string;
  election_id: string;
  office_id: string;
  source: RegisterImportSource;
  status: RegisterImportStatusValue;
  file_name: string | null;
  content_sha256: string | null;
  encoding: string | null;
  skip_invalid: boolean;
  unchanged_from_import_id: string | null;
  records_read: number;
  rows_imported: number;
  rows_rejected: number;
  error_count: number;
  errors: RecordError[];
  message: string | null;
  progress_done: string;
  progress_total: string | null;
  progress_unit: 'bytes' | 'pages';
  records_per_second: number | null;
  residents_entered: number | null;
  residents_unassigned: number | null;
  proposals_created: number | null;
  pull_base_url: string | null;
  pull_page_size: number | null;
  resumable: boolean;
  created_by_username: string;
  started_at: Date;
  finished_at: Date | null;
};

export type NewImport = {
  readonly electionId: string;
  readonly officeId: string;
  readonly source: RegisterImportSource;
  readonly fileName: string | null;
  readonly skipInvalid: boolean;
  readonly progressTotal: number | null;
  readonly progressUnit: 'bytes' | 'pages';
  readonly createdByUserId: string | null;
  readonly createdByUsername: string;
  readonly pullBaseUrl?: string;
  readonly pullPageSize?: number;
};

export type ImportProgressUpdate = { readonly done: number; readonly recordsRead: number; readonly recordsPerSecond: number | null };

export type ImportOutcome = {
  readonly status: RegisterImportStatusValue;
  readonly message: string;
  readonly encoding?: string | null;
  readonly contentSha256?: string | null;
  readonly unchangedFromImportId?: string | null;
  readonly recordsRead: number;
  readonly rowsImported: number;
  readonly rowsRejected: number;
  readonly errorCount: number;
  readonly errors: readonly RecordError[];
  readonly progressDone: number;
  readonly recordsPerSecond: number | null;
  readonly residentsEntered?: number | null;
  readonly residentsUnassigned?: number | null;
  readonly proposalsCreated?: number | null;
  readonly resumable?: boolean;
};

const PARAMS_PER_REJECT = 6;

/** All SQL of register import jobs, their left-out rows and the retention of imported rows. */
@Injectable()
export class RegisterImportRepository {
  constructor(private readonly db: Database) {}

  /**
   * The import's own transaction on a dedicated connection, open across the whole streamed pass (all
   * or nothing); the job row is updated on other connections meanwhile, so its progress shows before
   * the commit. The session ends it with commit or rollback and releases the connection.
   */
  async beginImport(): Promise<Tx> {
    const client = await this.db.connect();
    try {
      await client.query('BEGIN');
      // The COPY lasts as long as the upload or the pull; the pool's statement timeout would cut it.
      await client.query('SET LOCAL statement_timeout = 0');
      return client;
    } catch (error) {
      client.release();
      throw error;
    }
  }

  async commit(tx: Tx): Promise<void> {
    await tx.query('COMMIT');
  }

  async rollback(tx: Tx): Promise<void> {
    await tx.query('ROLLBACK');
  }

  /** `COPY register_rows … FROM STDIN` inside the import's transaction: the rows as COPY text. */
  copyRows(tx: Tx): Writable {
    return copyIn(tx, `COPY register_rows (${REGISTER_ROW_COPY_COLUMNS.join(', ')}) FROM STDIN`);
  }

  async create(job: NewImport): Promise<RegisterImportRow> {
    const { rows } = await this.db.query<RegisterImportRow>(
      `INSERT INTO register_imports (election_id, office_id, source, status, file_name, skip_invalid, progress_total, progress_unit,
         created_by_user_id, created_by_username, pull_base_url, pull_page_size)
       VALUES ($1, $2, $3, 'running', $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      [
        job.electionId,
        job.officeId,
        job.source,
        job.fileName,
        job.skipInvalid,
        job.progressTotal,
        job.progressUnit,
        job.createdByUserId,
        job.createdByUsername,
        job.pullBaseUrl ?? null,
        job.pullPageSize ?? null,
      ],
    );
    return rows[0]!;
  }

  async find(electionId: string, id: string): Promise<RegisterImportRow | null> {
    const { rows } = await this.db.query<RegisterImportRow>('SELECT * FROM register_imports WHERE id = $1 AND election_id = $2', [
      id,
      electionId,
    ]);
    return rows[0] ?? null;
  }

  async list(electionId: string, limit: number): Promise<RegisterImportRow[]> {
    const { rows } = await this.db.query<RegisterImportRow>(
      'SELECT * FROM register_imports WHERE election_id = $1 ORDER BY started_at DESC LIMIT $2',
      [electionId, limit],
    );
    return rows;
  }

  async progress(id: string, progress: ImportProgressUpdate): Promise<void> {
    await this.db.query(
      `UPDATE register_imports SET progress_done = $2, records_read = $3, records_per_second = $4
       WHERE id = $1 AND status = 'running'`,
      [id, progress.done, progress.recordsRead, progress.recordsPerSecond],
    );
  }

  async setRunning(id: string): Promise<void> {
    await this.db.query(
      `UPDATE register_imports SET status = 'running', resumable = false, message = NULL, finished_at = NULL WHERE id = $1`,
      [id],
    );
  }

  /** Records the outcome; inside the import's transaction when `db` is its client. */
  async finish(db: Queryable, id: string, outcome: ImportOutcome): Promise<void> {
    await db.query(
      `UPDATE register_imports SET status = $2, message = $3, encoding = coalesce($4, encoding), content_sha256 = coalesce($5, content_sha256),
         unchanged_from_import_id = $6, records_read = $7, rows_imported = $8, rows_rejected = $9, error_count = $10, errors = $11,
         progress_done = $12, records_per_second = $13, residents_entered = $14, residents_unassigned = $15, proposals_created = $16,
         resumable = $17, finished_at = now()
       WHERE id = $1`,
      [
        id,
        outcome.status,
        outcome.message,
        outcome.encoding ?? null,
        outcome.contentSha256 ?? null,
        outcome.unchangedFromImportId ?? null,
        outcome.recordsRead,
        outcome.rowsImported,
        outcome.rowsRejected,
        outcome.errorCount,
        JSON.stringify(outcome.errors),
        outcome.progressDone,
        outcome.recordsPerSecond,
        outcome.residentsEntered ?? null,
        outcome.residentsUnassigned ?? null,
        outcome.proposalsCreated ?? null,
        outcome.resumable ?? false,
      ],
    );
  }

  /** The import whose rows are the current register of the election: the newest that changed something. */
  async current(db: Queryable, electionId: string, exceptId?: string): Promise<{ id: string; content_sha256: string | null } | null> {
    const { rows } = await db.query<{ id: string; content_sha256: string | null }>(
      `SELECT id, content_sha256 FROM register_imports
       WHERE election_id = $1 AND status = 'succeeded' AND unchanged_from_import_id IS NULL AND id <> coalesce($2::uuid, '00000000-0000-0000-0000-000000000000')
       ORDER BY finished_at DESC LIMIT 1`,
      [electionId, exceptId ?? null],
    );
    return rows[0] ?? null;
  }

  /** Of the given lines, the person ids that occur on more than one of them, with their lines. */
  async duplicatePersonIds(db: Queryable, importId: string, lines: readonly number[]): Promise<{ person_id: string; lines: number[] }[]> {
    const { rows } = await db.query<{ person_id: string; lines: number[] }>(
      `SELECT person_id COLLATE "C" AS person_id, array_agg(line_no ORDER BY line_no) AS lines FROM register_rows
       WHERE import_id = $1 AND line_no = ANY($2::int[])
       GROUP BY 1 HAVING count(*) > 1 ORDER BY min(line_no)`,
      [importId, lines],
    );
    return rows;
  }

  async deleteRows(db: Queryable, importId: string, lines: readonly number[]): Promise<void> {
    await db.query('DELETE FROM register_rows WHERE import_id = $1 AND line_no = ANY($2::int[])', [importId, lines]);
  }

  async countEntered(db: Queryable, importId: string): Promise<{ entered: number; unassigned: number }> {
    const { rows } = await db.query<{ entered: number; unassigned: number }>(
      `SELECT count(*) FILTER (WHERE entered)::int AS entered, count(*) FILTER (WHERE entered AND address_status <> 'match')::int AS unassigned
       FROM register_rows WHERE import_id = $1`,
      [importId],
    );
    return rows[0] ?? { entered: 0, unassigned: 0 };
  }

  /**
   * Keeps the rows of the new current import and of the import the roll was built from; older
   * imports' rows are deleted (their jobs and reports stay).
   */
  async pruneRows(db: Queryable, electionId: string, keep: readonly string[]): Promise<void> {
    await db.query(
      `DELETE FROM register_rows WHERE import_id IN (
         SELECT id FROM register_imports WHERE election_id = $1 AND NOT (id = ANY($2::uuid[])))`,
      [electionId, keep],
    );
  }

  async insertRejects(importId: string, firstSeq: number, rejects: readonly RecordError[]): Promise<void> {
    if (rejects.length === 0) return;
    const values: unknown[] = [];
    const tuples = rejects.map((reject, index) => {
      values.push(importId, firstSeq + index, reject.line, reject.column, reject.value, reject.reason);
      const base = index * PARAMS_PER_REJECT;
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6})`;
    });
    await this.db.query(
      `INSERT INTO register_import_rejects (import_id, seq, line_no, column_name, value, reason) VALUES ${tuples.join(', ')}`,
      values,
    );
  }

  async *rejects(importId: string): AsyncGenerator<{ line_no: number; column_name: string | null; value: string; reason: string }[]> {
    let after = -1;
    for (;;) {
      const { rows } = await this.db.query<{
        seq: number;
        line_no: number;
        column_name: string | null;
        value: string;
        reason: string;
      }>(
        'SELECT seq, line_no, column_name, value, reason FROM register_import_rejects WHERE import_id = $1 AND seq > $2 ORDER BY seq LIMIT 5000',
        [importId, after],
      );
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.seq;
      yield rows;
    }
  }

  /**
   * The last guard of a run that imported: a job still `running` when its run ends is failed, with the message only (the report may be what could not be stored). True when it was.
   */
  async failIfRunning(id: string, message: string, resumable: boolean): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE register_imports SET status = 'failed', message = $2, resumable = $3, finished_at = now()
       WHERE id = $1 AND status = 'running'`,
      [id, message, resumable],
    );
    return (result.rowCount ?? 0) > 0;
  }
}
