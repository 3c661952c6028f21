import { Injectable } from '@nestjs/common';
import type { ResultsPhase, RehearsalReset } from '@wahl/contracts';
import { Database, type Queryable, type Tx } from '../../platform/database/database';

type Deleted = RehearsalReset['deleted'];

// What a reset deletes, each statement's row count under its name. The districts' report states go
// back to `missing`; the public version number keeps rising (clients and caches never see a version
// twice), while its content, its R8.5 decisions and the R8.7 log start afresh.
const DELETIONS: readonly { readonly key: keyof Deleted; readonly sql: string }[] = [
  { key: 'reports', sql: `DELETE FROM election_night_reports WHERE election_id = $1` },
  { key: 'councilBatches', sql: `DELETE FROM council_batches WHERE election_id = $1` },
  { key: 'releases', sql: `DELETE FROM publication_releases WHERE election_id = $1` },
  { key: 'turnoutPublications', sql: `DELETE FROM turnout_publications WHERE election_id = $1` },
  { key: 'webhookDeliveries', sql: `DELETE FROM webhook_deliveries WHERE election_id = $1` },
];
const RESETS = [
  `DELETE FROM election_night_idempotency WHERE election_id = $1`,
  `DELETE FROM council_result_declarations WHERE election_id = $1`,
  `UPDATE election_night_districts
      SET state = 'missing', current_version = 0, counted_version = NULL, counted_revision = 0, pending = '[]',
          compared_version = NULL, confirmed_by_name = NULL, rejection_reason = NULL, updated_at = NULL
    WHERE election_id = $1`,
  // A digest no content has: the publisher sends every area once as the next version, so live clients, caches and
  // subscribers drop the rehearsal's figures.
  `UPDATE public_results_state SET content_digest = 'rehearsal-reset' WHERE election_id = $1`,
  `DELETE FROM public_released_districts WHERE election_id = $1`,
  `DELETE FROM public_merged_pairs WHERE election_id = $1`,
];

/** All SQL of the rehearsal mode: the phase, the stored results, the reset. */
@Injectable()
export class RehearsalRepository {
  constructor(private readonly database: Database) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.database.transaction(work);
  }

  /** The election's phase, its row locked against a concurrent switch or reset. */
  async lockPhase(tx: Tx, electionId: string): Promise<ResultsPhase> {
    const { rows } = await tx.query<{ phase: ResultsPhase }>(`SELECT results_phase AS phase FROM elections WHERE id = $1 FOR UPDATE`, [
      electionId,
    ]);
    return rows[0]!.phase;
  }

  async phase(electionId: string): Promise<ResultsPhase> {
    const { rows } = await this.database.query<{ phase: ResultsPhase }>(`SELECT results_phase AS phase FROM elections WHERE id = $1`, [
      electionId,
    ]);
    return rows[0]!.phase;
  }

  /** Quick-report versions and council batches stored for the election. */
  async storedResults(electionId: string, db: Queryable = this.database): Promise<number> {
    const { rows } = await db.query<{ count: number }>(
      `SELECT ((SELECT count(*) FROM election_night_reports WHERE election_id = $1)
             + (SELECT count(*) FROM council_batches WHERE election_id = $1))::int AS count`,
      [electionId],
    );
    return rows[0]!.count;
  }

  async setPhase(tx: Tx, electionId: string, phase: ResultsPhase): Promise<void> {
    await tx.query(`UPDATE elections SET results_phase = $2 WHERE id = $1`, [electionId, phase]);
  }

  async reset(tx: Tx, electionId: string): Promise<Deleted> {
    const deleted = { reports: 0, councilBatches: 0, releases: 0, turnoutPublications: 0, webhookDeliveries: 0 };
    for (const { key, sql } of DELETIONS) deleted[key] = (await tx.query(sql, [electionId])).rowCount ?? 0;
    for (const sql of RESETS) await tx.query(sql, [electionId]);
    return deleted;
  }
}
