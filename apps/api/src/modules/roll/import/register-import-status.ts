import type { RegisterImportJob, RegisterImportStatus } from '@wahl/contracts';
import type { RegisterImportRow } from './register-import.repository';

/** An import job row as the wire sees it (REST list and the socket event `roll:import`): no error list. */
export function toImportStatus(row: RegisterImportRow): RegisterImportStatus {
  const done = Number(row.progress_done);
  const total = row.progress_total === null ? null : Number(row.progress_total);
  const percent = row.status === 'succeeded' ? 100 : total && total > 0 ? Math.min(100, Math.floor((done * 100) / total)) : null;
  return {
    id: row.id,
    electionId: row.election_id,
    source: row.source,
    status: row.status,
    fileName: row.file_name,
    encoding: row.encoding,
    skipInvalid: row.skip_invalid,
    unchanged: row.unchanged_from_import_id !== null,
    unchangedFromImportId: row.unchanged_from_import_id,
    recordsRead: row.records_read,
    rowsImported: row.rows_imported,
    rowsRejected: row.rows_rejected,
    errorCount: row.error_count,
    message: row.message,
    progress: { done, total, unit: row.progress_unit, percent, recordsPerSecond: row.records_per_second },
    residentsEntered: row.residents_entered,
    residentsUnassigned: row.residents_unassigned,
    proposalsCreated: row.proposals_created,
    resumable: row.resumable,
    createdBy: row.created_by_username,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
    rejectedReportUrl:
      row.skip_invalid && row.rows_rejected > 0 ? `/api/elections/${row.election_id}/register-imports/${row.id}/rejected.csv` : null,
  };
}

/** The REST answer for one import: its state and the first 100 problems. */
export function toImportJob(row: RegisterImportRow): RegisterImportJob {
  return { ...toImportStatus(row), errors: row.errors };
}
