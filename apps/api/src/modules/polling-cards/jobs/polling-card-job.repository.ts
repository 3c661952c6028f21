import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { CardElection } from '@wahl/domain';
import { Database, type Queryable } from '../../../platform/database/database';
import type { PollingCardJobKind, PollingCardJobStatus } from '../entities/polling-card-job.entity';
import type { StoredCardRecord } from '../entities/polling-card-piece.entity';
import type { LotResult } from '../rendering/lot-renderer';

// All SQL of the polling-card jobs and their tokens. It runs on a Queryable (the API's Database, a
// transaction's client, or a bare pg pool), so that the job runner works inside the API, in the CLI
// and in a bare process alike; transactions are opened by the caller (Database.transaction).

export type JobRow = {
  id: string;
  job_number: number;
  election_id: string;
  office_id: string;
  kind: PollingCardJobKind;
  status: PollingCardJobStatus;
  election: CardElection;
  layout: string;
  template_id: string;
  template_fingerprint: string;
  out_dir: string;
  application_url_base: string;
  document_date: Date;
  lot_size: number;
  pieces: number;
  lots: number;
  lots_done: number;
  pieces_done: number;
  pieces_per_second: number | null;
  reason: string | null;
  created_by_username: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  message: string | null;
};

export type LotRow = {
  lot: number;
  file_name: string;
  sha256: string;
  bytes: string;
  first_piece: number;
  last_piece: number;
  pieces: number;
  sheets: number;
  pages: number;
  leitregionen: Record<string, number>;
  postal_codes: Record<string, number>;
  warnings: { piece: number; code: string }[];
};

export type PieceRow = { piece: number; voter_id: number; token_issue: number; record: StoredCardRecord };

export type NewJob = {
  readonly electionId: string;
  readonly officeId: string;
  readonly kind: PollingCardJobKind;
  readonly election: CardElection;
  readonly layout: string;
  readonly templateId: string;
  readonly templateFingerprint: string;
  readonly outDir: string | null;
  readonly applicationUrlBase: string;
  readonly documentDate: Date;
  readonly lotSize: number;
  readonly pieces: number;
  readonly lots: number;
  readonly reason: string | null;
  readonly createdByUserId: string | null;
  readonly createdByUsername: string;
};

const JOB_COLUMNS = `id, job_number, election_id, office_id, kind, status, election, layout, template_id, template_fingerprint, out_dir,
  application_url_base, document_date, lot_size, pieces, lots, lots_done, pieces_done, pieces_per_second, reason, created_by_username,
  created_at, started_at, finished_at, message`;

const CHUNK = 5000;

@Injectable()
export class PollingCardJobRepository {
  constructor(@Inject(Database) private readonly db: Queryable) {}

  /** R3.8: election and voter of a current (not revoked) token, by the token's hash. */
  async tokenOwner(tokenHash: string): Promise<{ election_id: string; voter_id: number } | null> {
    const { rows } = await this.db.query<{ election_id: string; voter_id: number }>(
      'SELECT election_id, voter_id FROM polling_card_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** The office an election belongs to (the elections module owns the table; read-only here). */
  async officeOf(electionId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ office_id: string }>('SELECT office_id FROM elections WHERE id = $1', [electionId]);
    return rows[0]?.office_id ?? null;
  }

  /** The job row; its output folder defaults to `<defaultRoot>/<job id>` when none was given. */
  async create(db: Queryable, job: NewJob, defaultRoot: string): Promise<JobRow> {
    const id = randomUUID();
    const { rows } = await db.query<JobRow>(
      `INSERT INTO polling_card_jobs (id, election_id, office_id, kind, status, election, layout, template_id, template_fingerprint, out_dir,
         application_url_base, document_date, lot_size, pieces, lots, reason, created_by_user_id, created_by_username)
       VALUES ($16, $1, $2, $3, 'prepared', $4, $5, $6, $7, $17, $8, $9, $10, $11, $12, $13, $14, $15)
       RETURNING ${JOB_COLUMNS}`,
      [
        job.electionId,
        job.officeId,
        job.kind,
        JSON.stringify(job.election),
        job.layout,
        job.templateId,
        job.templateFingerprint,
        job.applicationUrlBase,
        job.documentDate,
        job.lotSize,
        job.pieces,
        job.lots,
        job.reason,
        job.createdByUserId,
        job.createdByUsername,
        id,
        job.outDir ?? join(defaultRoot, id),
      ],
    );
    return rows[0]!;
  }

  async insertPieces(
    db: Queryable,
    jobId: string,
    electionId: string,
    pieces: readonly { voterId: number; tokenIssue: number; record: StoredCardRecord }[],
  ): Promise<void> {
    for (let start = 0; start < pieces.length; start += CHUNK) {
      const chunk = pieces.slice(start, start + CHUNK);
      await db.query(
        `INSERT INTO polling_card_pieces (job_id, piece, election_id, voter_id, token_issue, record)
         SELECT $1, t.piece, $2, t.voter_id, t.token_issue, t.record
         FROM unnest($3::int[], $4::int[], $5::int[], $6::jsonb[]) AS t(piece, voter_id, token_issue, record)`,
        [
          jobId,
          electionId,
          chunk.map((_, i) => start + i + 1),
          chunk.map((p) => p.voterId),
          chunk.map((p) => p.tokenIssue),
          chunk.map((p) => JSON.stringify(p.record)),
        ],
      );
    }
  }

  /** The current (not revoked) token issue per voter; voters without one are absent. */
  async currentTokenIssues(db: Queryable, electionId: string, voterIds: readonly number[]): Promise<Map<number, number>> {
    const { rows } = await db.query<{ voter_id: number; issue: number }>(
      `SELECT voter_id, max(issue) AS issue FROM polling_card_tokens
       WHERE election_id = $1 AND voter_id = ANY($2::int[]) AND revoked_at IS NULL GROUP BY voter_id`,
      [electionId, voterIds],
    );
    return new Map(rows.map((row) => [row.voter_id, row.issue]));
  }

  async highestTokenIssue(db: Queryable, electionId: string, voterId: number): Promise<number> {
    const { rows } = await db.query<{ issue: number | null }>(
      'SELECT max(issue) AS issue FROM polling_card_tokens WHERE election_id = $1 AND voter_id = $2',
      [electionId, voterId],
    );
    return rows[0]?.issue ?? 0;
  }

  async revokeTokens(db: Queryable, electionId: string, voterId: number): Promise<void> {
    await db.query('UPDATE polling_card_tokens SET revoked_at = now() WHERE election_id = $1 AND voter_id = $2 AND revoked_at IS NULL', [
      electionId,
      voterId,
    ]);
  }

  async insertTokens(
    db: Queryable,
    electionId: string,
    jobId: string,
    tokens: readonly { voterId: number; issue: number; hash: string }[],
  ): Promise<void> {
    for (let start = 0; start < tokens.length; start += CHUNK) {
      const chunk = tokens.slice(start, start + CHUNK);
      await db.query(
        `INSERT INTO polling_card_tokens (election_id, voter_id, issue, token_hash, job_id)
         SELECT $1, t.voter_id, t.issue, t.token_hash, $2 FROM unnest($3::int[], $4::int[], $5::text[]) AS t(voter_id, issue, token_hash)`,
        [electionId, jobId, chunk.map((t) => t.voterId), chunk.map((t) => t.issue), chunk.map((t) => t.hash)],
      );
    }
  }

  /** Voters with a card in a main or follow-up job that has not been abandoned. */
  async votersWithCards(electionId: string): Promise<Set<number>> {
    const { rows } = await this.db.query<{ voter_id: number }>(
      `SELECT DISTINCT p.voter_id FROM polling_card_pieces p JOIN polling_card_jobs j ON j.id = p.job_id
       WHERE p.election_id = $1 AND j.kind IN ('main', 'follow-up') AND j.status NOT IN ('cancelled', 'failed')`,
      [electionId],
    );
    return new Set(rows.map((row) => row.voter_id));
  }

  async find(jobId: string, electionId?: string): Promise<JobRow | null> {
    const { rows } = await this.db.query<JobRow>(
      `SELECT ${JOB_COLUMNS} FROM polling_card_jobs WHERE id = $1${electionId ? ' AND election_id = $2' : ''}`,
      electionId ? [jobId, electionId] : [jobId],
    );
    return rows[0] ?? null;
  }

  async list(electionId: string, limit = 50): Promise<JobRow[]> {
    const { rows } = await this.db.query<JobRow>(
      `SELECT ${JOB_COLUMNS} FROM polling_card_jobs WHERE election_id = $1 ORDER BY created_at DESC, job_number DESC LIMIT $2`,
      [electionId, limit],
    );
    return rows;
  }

  /** A main or follow-up job of the election that is prepared or running (one at a time). */
  async active(electionId: string): Promise<JobRow | null> {
    const { rows } = await this.db.query<JobRow>(
      `SELECT ${JOB_COLUMNS} FROM polling_card_jobs WHERE election_id = $1 AND kind <> 'replacement' AND status IN ('prepared', 'running', 'cancel-requested') ORDER BY created_at LIMIT 1`,
      [electionId],
    );
    return rows[0] ?? null;
  }

  async pieces(jobId: string): Promise<PieceRow[]> {
    const { rows } = await this.db.query<PieceRow>(
      'SELECT piece, voter_id, token_issue, record FROM polling_card_pieces WHERE job_id = $1 ORDER BY piece',
      [jobId],
    );
    return rows;
  }

  async lots(jobId: string): Promise<LotRow[]> {
    const { rows } = await this.db.query<LotRow>(
      `SELECT lot, file_name, sha256, bytes, first_piece, last_piece, pieces, sheets, pages, leitregionen, postal_codes, warnings
       FROM polling_card_lots WHERE job_id = $1 ORDER BY lot`,
      [jobId],
    );
    return rows;
  }

  async forgetLot(jobId: string, lot: number): Promise<void> {
    await this.db.query('DELETE FROM polling_card_lots WHERE job_id = $1 AND lot = $2', [jobId, lot]);
  }

  /** A prepared, cancelled or failed job is queued to render (again): it counts as running from now on. */
  async markRunning(jobId: string): Promise<void> {
    await this.db.query(
      `UPDATE polling_card_jobs SET status = 'running', started_at = coalesce(started_at, now()), finished_at = NULL, message = NULL
       WHERE id = $1 AND status IN ('prepared', 'cancelled', 'failed')`,
      [jobId],
    );
  }

  /**
   * A finished lot, and the job's counters, in one statement (so a restart sees either both or
   * neither): the counters are those of the other lots already stored plus this one.
   */
  async recordLot(jobId: string, lot: LotResult): Promise<void> {
    await this.db.query(
      `WITH stored AS (
         INSERT INTO polling_card_lots (job_id, lot, file_name, sha256, bytes, first_piece, last_piece, pieces, sheets, pages, leitregionen, postal_codes, warnings)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         ON CONFLICT (job_id, lot) DO UPDATE SET sha256 = EXCLUDED.sha256, bytes = EXCLUDED.bytes, finished_at = now()
         RETURNING pieces
       ), others AS (
         SELECT count(*) AS lots, coalesce(sum(pieces), 0) AS pieces FROM polling_card_lots WHERE job_id = $1 AND lot <> $2
       )
       UPDATE polling_card_jobs SET lots_done = others.lots + 1,
         pieces_done = greatest(pieces_done, others.pieces + (SELECT pieces FROM stored))
       FROM others WHERE id = $1`,
      [
        jobId,
        lot.lot,
        lot.fileName,
        lot.sha256,
        lot.bytes,
        lot.firstPiece,
        lot.lastPiece,
        lot.pieces,
        lot.sheets,
        lot.pages,
        JSON.stringify(lot.leitregionen),
        JSON.stringify(lot.postalCodes),
        JSON.stringify(lot.warnings),
      ],
    );
  }

  /** Progress for the office; answers the job's status, through which another process may ask it to stop. */
  async saveProgress(jobId: string, piecesDone: number, piecesPerSecond: number | null): Promise<PollingCardJobStatus | null> {
    const { rows } = await this.db.query<{ status: PollingCardJobStatus }>(
      // A save sent just before the end may arrive after it: the count never goes back.
      'UPDATE polling_card_jobs SET pieces_done = greatest(pieces_done, $2), pieces_per_second = $3 WHERE id = $1 RETURNING status',
      [jobId, piecesDone, piecesPerSecond],
    );
    return rows[0]?.status ?? null;
  }

  async requestCancel(jobId: string): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE polling_card_jobs SET status = CASE WHEN status = 'prepared' THEN 'cancelled' ELSE 'cancel-requested' END,
         finished_at = CASE WHEN status = 'prepared' THEN now() ELSE finished_at END
       WHERE id = $1 AND status IN ('prepared', 'running', 'cancel-requested')`,
      [jobId],
    );
    return result.rowCount === 1;
  }

  async finish(
    jobId: string,
    status: Extract<PollingCardJobStatus, 'succeeded' | 'cancelled' | 'failed'>,
    message: string | null,
  ): Promise<void> {
    await this.db.query(
      `UPDATE polling_card_jobs SET status = $2, message = $3, finished_at = now(),
         pieces_done = CASE WHEN $2 = 'succeeded' THEN pieces ELSE pieces_done END, lots_done = CASE WHEN $2 = 'succeeded' THEN lots ELSE lots_done END
       WHERE id = $1`,
      [jobId, status, message],
    );
  }
}
