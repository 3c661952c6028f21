import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PlausibilityFinding, QuickReport } from '@wahl/domain';
import { escapeLiteral, type Pool, type PoolClient, type QueryResult } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { ReportVersionKind, WarningConfirmation } from '../entities/report-version.entity';
import type { DistrictReportState, DistrictState, PendingVersion } from './report-states';

export type LockedState = DistrictReportState & { readonly countedRevision: number; readonly comparedVersion: number | null };

export type StoredVersion = {
  readonly version: number;
  readonly kind: ReportVersionKind;
  readonly report: QuickReport;
  readonly fingerprint: string;
  readonly warnings: PlausibilityFinding[];
  readonly confirmations: WarningConfirmation[];
  readonly reason: string | null;
  readonly enteredBy: string;
  readonly enteredByName: string;
  readonly enteredByRole: string;
  readonly enteredAt: Date;
};

export type NewVersion = Omit<StoredVersion, 'enteredAt'> & {
  readonly electionId: string;
  readonly districtId: string;
  readonly enteredAt: string;
};

export type IdempotentResponse = {
  readonly actorId: string;
  readonly key: string;
  readonly requestHash: string;
  readonly status: number;
  readonly body: unknown;
};

export type StateUpdate = {
  readonly state: DistrictState;
  readonly currentVersion: number;
  readonly countedVersion: number | null;
  readonly countedRevision: number;
  readonly pending: readonly PendingVersion[];
  readonly comparedVersion: number | null;
  readonly confirmedByName: string | null;
  readonly rejectionReason: string | null;
  readonly updatedAt: string;
};

export type DistrictStatusRow = {
  readonly districtId: string;
  readonly state: DistrictState;
  readonly currentVersion: number;
  readonly countedVersion: number | null;
  readonly comparedVersion: number | null;
  readonly confirmedByName: string | null;
  readonly rejectionReason: string | null;
  readonly updatedAt: Date | null;
  readonly enteredByName: string | null;
  readonly warnings: PlausibilityFinding[] | null;
  readonly confirmations: WarningConfirmation[] | null;
};

type VersionRow = {
  version: number;
  kind: ReportVersionKind;
  report: QuickReport;
  fingerprint: string;
  warnings: PlausibilityFinding[];
  confirmations: WarningConfirmation[];
  reason: string | null;
  entered_by: string;
  entered_by_name: string;
  entered_by_role: string;
  entered_at: Date;
};

const toVersion = (row: VersionRow): StoredVersion => ({
  version: row.version,
  kind: row.kind,
  report: row.report,
  fingerprint: row.fingerprint,
  warnings: row.warnings,
  confirmations: row.confirmations,
  reason: row.reason,
  enteredBy: row.entered_by,
  enteredByName: row.entered_by_name,
  enteredByRole: row.entered_by_role,
  enteredAt: row.entered_at,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Values written into SQL text: the transaction below sends BEGIN with its lock, and the write with
// COMMIT, each as one message (simple query protocol, no parameters), so every value is a checked
// uuid or integer or goes through the driver's literal escaping.
const sql = {
  uuid: (value: string): string => {
    if (!UUID.test(value)) throw new Error(`not a uuid: ${value}`);
    return `'${value}'`;
  },
  int: (value: number | null): string => {
    if (value === null) return 'NULL';
    if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
    return String(value);
  },
  text: (value: string | null): string => (value === null ? 'NULL' : escapeLiteral(value)),
  json: (value: unknown): string => `${escapeLiteral(JSON.stringify(value))}::jsonb`,
};

type StateRow = {
  state: DistrictState;
  current_version: number;
  counted_version: number | null;
  counted_revision: number;
  pending: PendingVersion[];
  compared_version: number | null;
};
type LockedRow = StateRow & { [K in keyof VersionRow as `r_${K}`]: VersionRow[K] | null };

/**
 * One district's write on election night, on its own pooled connection: two round trips for the
 * common case – `BEGIN` + lock (+ the version to decide on), then the write + `COMMIT` – because on
 * a loaded host every statement's round trip costs more than the work in it.
 */
export class ReportsTransaction {
  private begun = false;
  private finished = false;

  constructor(private readonly client: PoolClient) {}

  /**
   * Locks the district's state row until the transaction ends: entries of one district queue up here.
   * With `version`, that version's stored report comes along.
   */
  async lockState(
    electionId: string,
    districtId: string,
    version?: number,
  ): Promise<LockedState & { versionReport: StoredVersion | null }> {
    if (this.begun) throw new Error('lockState twice');
    this.begun = true;
    const select = `SELECT s.state, s.current_version, s.counted_version, s.counted_revision, s.pending, s.compared_version,
         r.version AS r_version, r.kind AS r_kind, r.report AS r_report, r.fingerprint AS r_fingerprint, r.warnings AS r_warnings,
         r.confirmations AS r_confirmations, r.reason AS r_reason, r.entered_by AS r_entered_by, r.entered_by_name AS r_entered_by_name,
         r.entered_by_role AS r_entered_by_role, r.entered_at AS r_entered_at
       FROM election_night_districts s
       LEFT JOIN election_night_reports r ON r.district_id = s.district_id AND r.version = ${sql.int(version ?? -1)}
       WHERE s.district_id = ${sql.uuid(districtId)} AND s.election_id = ${sql.uuid(electionId)} FOR UPDATE OF s`;
    const results = (await this.client.query(`BEGIN; ${select}`)) as unknown as QueryResult<LockedRow>[];
    let row = results[1]?.rows[0];
    if (!row) {
      await this.client.query(
        `INSERT INTO election_night_districts (district_id, election_id) VALUES (${sql.uuid(districtId)}, ${sql.uuid(electionId)}) ON CONFLICT DO NOTHING`,
      );
      row = ((await this.client.query(select)) as QueryResult<LockedRow>).rows[0];
    }
    if (!row) throw new Error(`district ${districtId} has no state row`);
    return {
      state: row.state,
      currentVersion: row.current_version,
      countedVersion: row.counted_version,
      countedRevision: row.counted_revision,
      pending: row.pending,
      comparedVersion: row.compared_version,
      versionReport:
        row.r_version === null
          ? null
          : toVersion({
              version: row.r_version,
              kind: row.r_kind!,
              report: row.r_report!,
              fingerprint: row.r_fingerprint!,
              warnings: row.r_warnings!,
              confirmations: row.r_confirmations!,
              reason: row.r_reason,
              entered_by: row.r_entered_by!,
              entered_by_name: row.r_entered_by_name!,
              entered_by_role: row.r_entered_by_role!,
              entered_at: row.r_entered_at!,
            }),
    };
  }

  async version(districtId: string, version: number): Promise<StoredVersion | null> {
    const result = await this.client.query<VersionRow>(`SELECT * FROM election_night_reports WHERE district_id = $1 AND version = $2`, [
      districtId,
      version,
    ]);
    return result.rows[0] ? toVersion(result.rows[0]) : null;
  }

  /**
   * Writes the new version (if any), the new state, the audit events and – with an Idempotency-Key –
   * the response, then commits. The change is made only if the key could be stored: false means a
   * concurrent twin stored it first, and nothing was changed.
   */
  async writeAndCommit(change: {
    electionId: string;
    districtId: string;
    version: NewVersion | null;
    state: StateUpdate;
    auditEvents: readonly unknown[];
    response: IdempotentResponse | null;
  }): Promise<boolean> {
    const { electionId, districtId, version, state, response } = change;
    const district = sql.uuid(districtId);
    const election = sql.uuid(electionId);
    const stored = response
      ? `stored AS (
           INSERT INTO election_night_idempotency (actor_id, key, election_id, request_hash, status, response)
           VALUES (${sql.uuid(response.actorId)}, ${sql.text(response.key)}, ${election}, ${sql.text(response.requestHash)}, ${sql.int(response.status)}, ${sql.json(response.body)})
           ON CONFLICT DO NOTHING RETURNING 1
         ), `
      : '';
    const insertVersion = version
      ? `, inserted AS (
           INSERT INTO election_night_reports (election_id, district_id, version, kind, report, fingerprint, warnings, confirmations, reason, entered_by, entered_by_name, entered_by_role, entered_at)
           SELECT ${election}, ${district}, ${sql.int(version.version)}, ${sql.text(version.kind)}, ${sql.json(version.report)}, ${sql.text(version.fingerprint)},
                  ${sql.json(version.warnings)}, ${sql.json(version.confirmations)}, ${sql.text(version.reason)}, ${sql.uuid(version.enteredBy)},
                  ${sql.text(version.enteredByName)}, ${sql.text(version.enteredByRole)}, ${sql.text(version.enteredAt)}::timestamptz
           FROM updated
         )`
      : '';
    const statement = `WITH ${stored}updated AS (
         UPDATE election_night_districts
         SET state = ${sql.text(state.state)}, current_version = ${sql.int(state.currentVersion)}, counted_version = ${sql.int(state.countedVersion)},
             counted_revision = ${sql.int(state.countedRevision)}, pending = ${sql.json(state.pending)}, compared_version = ${sql.int(state.comparedVersion)},
             confirmed_by_name = ${sql.text(state.confirmedByName)}, rejection_reason = ${sql.text(state.rejectionReason)}, updated_at = ${sql.text(state.updatedAt)}::timestamptz
         WHERE district_id = ${district} AND election_id = ${election}${response ? ' AND EXISTS (SELECT 1 FROM stored)' : ''}
         RETURNING 1
       ), audit AS (
         INSERT INTO election_audit_pending (election_id, event) SELECT ${election}, value FROM updated, jsonb_array_elements(${sql.json(change.auditEvents)})
       )${insertVersion}
       SELECT count(*)::int AS written FROM updated`;
    const results = (await this.client.query(`${statement}; COMMIT`)) as unknown as QueryResult<{ written: number }>[];
    this.finished = true;
    return results[0]?.rows[0]?.written === 1;
  }

  /** Ends the transaction if it is still open (after an error or a refused decision). */
  async close(): Promise<void> {
    if (this.begun && !this.finished) {
      this.finished = true;
      await this.client.query('ROLLBACK');
    }
  }
}

/** All SQL of quick reports. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A transaction on its own connection of the pool (see ReportsTransaction). */
  async transaction<T>(work: (tx: ReportsTransaction) => Promise<T>): Promise<T> {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    const client = await pool.connect();
    const tx = new ReportsTransaction(client);
    let broken = false;
    try {
      return await work(tx);
    } catch (error) {
      try {
        await tx.close();
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      // A connection whose transaction could not be ended is not handed out again.
      client.release(broken || undefined);
    }
  }

  async versions(districtId: string): Promise<StoredVersion[]> {
    const rows = (await this.dataSource.query(`SELECT * FROM election_night_reports WHERE district_id = $1 ORDER BY version`, [
      districtId,
    ])) as VersionRow[];
    return rows.map(toVersion);
  }

  async state(districtId: string): Promise<DistrictStatusRow | null> {
    const [row] = await this.statusRows(`s.district_id = $1`, [districtId]);
    return row ?? null;
  }

  /** Every district's state with the current version's author and warnings, for the dashboard. */
  statuses(electionId: string): Promise<DistrictStatusRow[]> {
    return this.statusRows(`s.election_id = $1`, [electionId]);
  }

  private async statusRows(where: string, params: unknown[]): Promise<DistrictStatusRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT s.district_id, s.state, s.current_version, s.counted_version, s.compared_version, s.confirmed_by_name, s.rejection_reason, s.updated_at,
              r.entered_by_name, r.warnings, r.confirmations
       FROM election_night_districts s
       LEFT JOIN election_night_reports r ON r.district_id = s.district_id AND r.version = s.current_version
       WHERE ${where}`,
      params,
    )) as {
      district_id: string;
      state: DistrictState;
      current_version: number;
      counted_version: number | null;
      compared_version: number | null;
      confirmed_by_name: string | null;
      rejection_reason: string | null;
      updated_at: Date | null;
      entered_by_name: string | null;
      warnings: PlausibilityFinding[] | null;
      confirmations: WarningConfirmation[] | null;
    }[];
    return rows.map((row) => ({
      districtId: row.district_id,
      state: row.state,
      currentVersion: row.current_version,
      countedVersion: row.counted_version,
      comparedVersion: row.compared_version,
      confirmedByName: row.confirmed_by_name,
      rejectionReason: row.rejection_reason,
      updatedAt: row.updated_at,
      enteredByName: row.entered_by_name,
      warnings: row.warnings,
      confirmations: row.confirmations,
    }));
  }
}
