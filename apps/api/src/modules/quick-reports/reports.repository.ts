import { Injectable } from '@nestjs/common';
import { isUuid, type DistrictState } from '@wahl/contracts';
import type { PlausibilityFinding, QuickReport } from '@wahl/domain';
import { Database, type Tx } from '../../platform/database/database';
import type { ReportVersionKind, WarningConfirmation } from './entities/report-version.entity';
import type { StoredResponse } from './idempotency';
import type { DistrictReportState, PendingVersion } from './report-states';

/** For the four-eyes rule: who issued the acting board member's code; whether the acting office user issued codes for the district. */
export type CodeIssuance = { readonly codeIssuedBy: string | null; readonly issuedCodesForDistrict: boolean };

export type LockedState = DistrictReportState & {
  readonly countedRevision: number;
  readonly comparedVersion: number | null;
  readonly confirmedByName: string | null;
  readonly updatedAt: Date | null;
  /** A1 + A2 of the district's closed roll (BWO § 24) for P2; null while the roll is open. */
  readonly closingCount: number | null;
};

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

type StateRow = {
  state: DistrictState;
  current_version: number;
  counted_version: number | null;
  counted_revision: number;
  pending: PendingVersion[];
  compared_version: number | null;
  confirmed_by_name: string | null;
  updated_at: Date | null;
};
type LockedRow = StateRow & { [K in keyof VersionRow as `r_${K}`]: VersionRow[K] | null } & {
  code_issued_by: string | null;
  issued_codes_for_district: boolean;
  check_code_required: boolean;
  closing_count: number | null;
};

// With the state, the four-eyes facts of the acting person (issue #17): the user who issued the code a
// board member signed in with, and whether an office user issued codes for this district. Board
// access owns those tables (the polling day its setting of the second channel, R7.16, and the roll the
// closing counts for P2); they are read here so that a report still costs one locked round trip.
const LOCK_STATE = `SELECT s.state, s.current_version, s.counted_version, s.counted_revision, s.pending, s.compared_version,
     s.confirmed_by_name, s.updated_at,
     r.version AS r_version, r.kind AS r_kind, r.report AS r_report, r.fingerprint AS r_fingerprint, r.warnings AS r_warnings,
     r.confirmations AS r_confirmations, r.reason AS r_reason, r.entered_by AS r_entered_by, r.entered_by_name AS r_entered_by_name,
     r.entered_by_role AS r_entered_by_role, r.entered_at AS r_entered_at,
     (SELECT c.created_by FROM board_members m JOIN board_access_codes c ON c.id = m.code_id WHERE m.id = $4::uuid) AS code_issued_by,
     EXISTS (SELECT 1 FROM board_access_codes c WHERE c.election_id = $2::uuid AND c.created_by = $4::uuid AND $1::uuid = ANY (c.district_ids))
       AS issued_codes_for_district,
     COALESCE((SELECT p.check_code_required FROM polling_day_settings p WHERE p.election_id = $2::uuid), false) AS check_code_required,
     (SELECT c.a1 + c.a2 FROM roll_closing_districts c WHERE c.election_id = $2::uuid AND c.district_id = $1::uuid) AS closing_count
   FROM election_night_districts s
   LEFT JOIN election_night_reports r ON r.district_id = s.district_id AND r.version = $3::int
   WHERE s.district_id = $1::uuid AND s.election_id = $2::uuid FOR UPDATE OF s`;

/** The write of one action: idempotency key (optional), state, audit events, new version (optional). */
function writeStatement(withResponse: boolean, withVersion: boolean): string {
  // $1 district, $2 election, $3–$11 state, $12 audit events; then the response and the version.
  const response = withResponse ? 13 : 0;
  const version = withResponse ? 18 : 13;
  const stored = withResponse
    ? `stored AS (
         INSERT INTO election_night_idempotency (actor_id, key, election_id, request_hash, status, response)
         VALUES ($${response}::uuid, $${response + 1}::text, $2::uuid, $${response + 2}::text, $${response + 3}::int, $${response + 4}::jsonb)
         ON CONFLICT DO NOTHING RETURNING 1
       ), `
    : '';
  const insertVersion = withVersion
    ? `, inserted AS (
         INSERT INTO election_night_reports (election_id, district_id, version, kind, report, fingerprint, warnings, confirmations, reason, entered_by, entered_by_name, entered_by_role, entered_at, phase)
         SELECT $2::uuid, $1::uuid, $${version}::int, $${version + 1}::text, $${version + 2}::jsonb, $${version + 3}::text, $${version + 4}::jsonb,
                $${version + 5}::jsonb, $${version + 6}::text, $${version + 7}::uuid, $${version + 8}::text, $${version + 9}::text, $${version + 10}::timestamptz,
                (SELECT results_phase FROM elections WHERE id = $2::uuid)
         FROM updated
       )`
    : '';
  return `WITH ${stored}updated AS (
       UPDATE election_night_districts
       SET state = $3::text, current_version = $4::int, counted_version = $5::int, counted_revision = $6::int,
           counted_seq = CASE WHEN counted_revision = $6::int THEN counted_seq ELSE nextval('election_night_counted_seq') END, pending = $7::jsonb,
           compared_version = $8::int, confirmed_by_name = $9::text, rejection_reason = $10::text, updated_at = $11::timestamptz
       WHERE district_id = $1::uuid AND election_id = $2::uuid${withResponse ? ' AND EXISTS (SELECT 1 FROM stored)' : ''}
       RETURNING 1
     ), audit AS (
       INSERT INTO election_audit_pending (election_id, event) SELECT $2::uuid, value FROM updated, jsonb_array_elements($12::jsonb)
     )${insertVersion}
     SELECT count(*)::int AS written FROM updated`;
}

// Built once and prepared by name on each pooled connection: the server parses and plans the hot
// statements once per connection instead of once per report.
const WRITE = {
  plain: { name: 'quick-reports-write', text: writeStatement(false, false) },
  withVersion: { name: 'quick-reports-write-version', text: writeStatement(false, true) },
  withResponse: { name: 'quick-reports-write-response', text: writeStatement(true, false) },
  withResponseAndVersion: { name: 'quick-reports-write-response-version', text: writeStatement(true, true) },
};
const LOCK = { name: 'quick-reports-lock-state', text: LOCK_STATE };

/**
 * One district's write on election night, on its own pooled connection in pg's pipeline mode: two
 * round trips for the common case – `BEGIN` + lock (+ the version to decide on) sent together, then
 * the write + `COMMIT` sent together – because on a loaded host every statement's round trip costs
 * more than the work in it. Every value is a bound parameter.
 */
export class ReportsTransaction {
  private begun = false;
  private finished = false;

  constructor(private readonly client: Tx) {}

  /**
   * Locks the district's state row until the transaction ends: entries of one district queue up here.
   * With `version`, that version's stored report comes along; with it the acting person's four-eyes facts.
   */
  async lockState(
    electionId: string,
    districtId: string,
    principalId: string,
    version?: number,
  ): Promise<LockedState & { versionReport: StoredVersion | null; issuance: CodeIssuance }> {
    if (this.begun) throw new Error('lockState twice');
    this.begun = true;
    const params = [districtId, electionId, version ?? -1, isUuid(principalId) ? principalId : null];
    const [, locked] = await Promise.all(
      this.together(() => [this.client.query('BEGIN'), this.client.query<LockedRow>({ ...LOCK, values: params })] as const),
    );
    let row = locked.rows[0];
    if (!row) {
      await this.client.query(
        `INSERT INTO election_night_districts (district_id, election_id) VALUES ($1::uuid, $2::uuid) ON CONFLICT DO NOTHING`,
        [districtId, electionId],
      );
      row = (await this.client.query<LockedRow>({ ...LOCK, values: params })).rows[0];
    }
    if (!row) throw new Error(`district ${districtId} has no state row`);
    return {
      state: row.state,
      currentVersion: row.current_version,
      countedVersion: row.counted_version,
      countedRevision: row.counted_revision,
      pending: row.pending,
      comparedVersion: row.compared_version,
      checkCodeRequired: row.check_code_required,
      confirmedByName: row.confirmed_by_name,
      updatedAt: row.updated_at,
      closingCount: row.closing_count,
      issuance: { codeIssuedBy: row.code_issued_by, issuedCodesForDistrict: row.issued_codes_for_district },
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
    const params: unknown[] = [
      districtId,
      electionId,
      state.state,
      state.currentVersion,
      state.countedVersion,
      state.countedRevision,
      JSON.stringify(state.pending),
      state.comparedVersion,
      state.confirmedByName,
      state.rejectionReason,
      state.updatedAt,
      JSON.stringify(change.auditEvents),
    ];
    if (response) params.push(response.actorId, response.key, response.requestHash, response.status, JSON.stringify(response.body));
    if (version) {
      params.push(
        version.version,
        version.kind,
        JSON.stringify(version.report),
        version.fingerprint,
        JSON.stringify(version.warnings),
        JSON.stringify(version.confirmations),
        version.reason,
        version.enteredBy,
        version.enteredByName,
        version.enteredByRole,
        version.enteredAt,
      );
    }
    const statement = response ? (version ? WRITE.withResponseAndVersion : WRITE.withResponse) : version ? WRITE.withVersion : WRITE.plain;
    // A failed write leaves the transaction aborted; the COMMIT sent with it then ends it as a rollback.
    const [written, commit] = this.together(
      () => [this.client.query<{ written: number }>({ ...statement, values: params }), this.client.query('COMMIT')] as const,
    );
    this.finished = true;
    const [result] = await Promise.all([written, commit.catch(() => undefined)]);
    return result.rows[0]?.written === 1;
  }

  /**
   * The queries `send` issues leave in one socket write: pg writes each query on its own, and on a
   * loaded virtual machine every write to the socket costs more than the messages in it.
   */
  private together<T>(send: () => T): T {
    const stream = this.client.connection.stream;
    stream.cork();
    try {
      return send();
    } finally {
      stream.uncork();
    }
  }

  /** Ends the transaction if it is still open (after an error or a refused decision). */
  async close(): Promise<void> {
    if (this.begun && !this.finished) {
      this.finished = true;
      await this.client.query('ROLLBACK');
    }
  }
}

type PipelinedClient = { pipeline: boolean };

/** All SQL of quick reports. */
@Injectable()
export class ReportsRepository {
  constructor(private readonly database: Database) {}

  /** A transaction on its own connection of the pool, pipelined (see ReportsTransaction). */
  async transaction<T>(work: (tx: ReportsTransaction) => Promise<T>): Promise<T> {
    const client = await this.database.connect();
    // pg's pipeline mode: queries issued together go out together, each with its own Sync.
    (client as unknown as PipelinedClient).pipeline = true;
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
      (client as unknown as PipelinedClient).pipeline = false;
      // A connection whose transaction could not be ended is not handed out again.
      client.release(broken || undefined);
    }
  }

  /** Creates the state row of each district of the election that has none (see DistrictStates). */
  async createDistrictStates(electionId: string): Promise<void> {
    // Rows that exist are skipped by the anti-join, not by a conflict per row: with every row there
    // (the usual case, made at the import) this is one scan, not 100,000 index probes.
    await this.database.query(
      `INSERT INTO election_night_districts (district_id, election_id)
       SELECT d.id, d.election_id FROM districts d
        WHERE d.election_id = $1 AND NOT EXISTS (SELECT 1 FROM election_night_districts s WHERE s.district_id = d.id)
       ON CONFLICT (district_id) DO NOTHING`,
      [electionId],
    );
  }

  /** The response stored with an Idempotency-Key, if any. */
  async storedResponse(actorId: string, key: string): Promise<StoredResponse | null> {
    const { rows } = await this.database.query<{ request_hash: string; status: number; response: unknown }>(
      `SELECT request_hash, status, response FROM election_night_idempotency WHERE actor_id = $1 AND key = $2`,
      [actorId, key],
    );
    const row = rows[0];
    return row ? { requestHash: row.request_hash, status: row.status, response: row.response } : null;
  }

  async versions(districtId: string): Promise<StoredVersion[]> {
    const { rows } = await this.database.query<VersionRow>(`SELECT * FROM election_night_reports WHERE district_id = $1 ORDER BY version`, [
      districtId,
    ]);
    return rows.map(toVersion);
  }

  /** awaiting-code: the confirmed version that waits for its check code (R7.16); otherwise null. */
  async awaitingCodeVersion(districtId: string): Promise<number | null> {
    const { rows } = await this.database.query<{ version: number }>(
      `SELECT (pending -> 0 ->> 'version')::int AS version FROM election_night_districts WHERE district_id = $1 AND state = 'awaiting-code'`,
      [districtId],
    );
    return rows[0]?.version ?? null;
  }

  async state(districtId: string): Promise<DistrictStatusRow | null> {
    const [row] = await this.statusRows(`s.district_id = $1`, [districtId]);
    return row ?? null;
  }

  private async statusRows(where: 's.district_id = $1', params: unknown[]): Promise<DistrictStatusRow[]> {
    const { rows } = await this.database.query<StatusRow>(
      `SELECT s.district_id, s.state, s.current_version, s.counted_version, s.compared_version, s.confirmed_by_name, s.rejection_reason, s.updated_at,
              r.entered_by_name, r.warnings, r.confirmations
       FROM election_night_districts s
       LEFT JOIN election_night_reports r ON r.district_id = s.district_id AND r.version = s.current_version
       WHERE ${where}`,
      params,
    );
    return rows.map(toStatusRow);
  }
}

export type StatusRow = {
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
};

export const toStatusRow = (row: StatusRow): DistrictStatusRow => ({
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
});
