import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PlausibilityFinding, QuickReport } from '@wahl/domain';
import { DataSource, type EntityManager } from 'typeorm';
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

export type NewVersion = Omit<StoredVersion, 'enteredAt'> & { readonly electionId: string; readonly districtId: string; readonly enteredAt: string };

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

/** All SQL of quick reports. Methods that write take the transaction's manager. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Locks the district's state row until the transaction ends: entries of one district queue up here. */
  async lockState(manager: EntityManager, electionId: string, districtId: string): Promise<LockedState> {
    const select = () =>
      manager.query(
        `SELECT state, current_version, counted_version, counted_revision, pending, compared_version
         FROM election_night_districts WHERE district_id = $1 AND election_id = $2 FOR UPDATE`,
        [districtId, electionId],
      ) as Promise<{ state: DistrictState; current_version: number; counted_version: number | null; counted_revision: number; pending: PendingVersion[]; compared_version: number | null }[]>;
    let [row] = await select();
    if (!row) {
      await manager.query(`INSERT INTO election_night_districts (district_id, election_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [districtId, electionId]);
      [row] = await select();
    }
    if (!row) throw new Error(`district ${districtId} has no state row`);
    return {
      state: row.state,
      currentVersion: row.current_version,
      countedVersion: row.counted_version,
      countedRevision: row.counted_revision,
      pending: row.pending,
      comparedVersion: row.compared_version,
    };
  }

  /** Writes the new version (if any), the new state and the audit events in one statement. */
  async write(
    manager: EntityManager,
    change: { electionId: string; districtId: string; version: NewVersion | null; state: StateUpdate; auditEvents: readonly unknown[] },
  ): Promise<void> {
    const { electionId, districtId, version, state } = change;
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
    const insertVersion = version
      ? `, inserted AS (
          INSERT INTO election_night_reports (election_id, district_id, version, kind, report, fingerprint, warnings, confirmations, reason, entered_by, entered_by_name, entered_by_role, entered_at)
          VALUES ($2, $1, $13, $14, $15::jsonb, $16, $17::jsonb, $18::jsonb, $19, $20, $21, $22, $23)
        )`
      : '';
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
    await manager.query(
      `WITH audit AS (
         INSERT INTO election_audit_pending (election_id, event) SELECT $2, value FROM jsonb_array_elements($12::jsonb)
       )${insertVersion}
       UPDATE election_night_districts
       SET state = $3, current_version = $4, counted_version = $5, counted_revision = $6, pending = $7::jsonb,
           compared_version = $8, confirmed_by_name = $9, rejection_reason = $10, updated_at = $11
       WHERE district_id = $1 AND election_id = $2`,
      params,
    );
  }

  async version(manager: EntityManager, districtId: string, version: number): Promise<StoredVersion | null> {
    const [row] = (await manager.query(`SELECT * FROM election_night_reports WHERE district_id = $1 AND version = $2`, [districtId, version])) as VersionRow[];
    return row ? toVersion(row) : null;
  }

  async versions(districtId: string): Promise<StoredVersion[]> {
    const rows = (await this.dataSource.query(`SELECT * FROM election_night_reports WHERE district_id = $1 ORDER BY version`, [districtId])) as VersionRow[];
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
