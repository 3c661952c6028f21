import type { PollingCardFile, PollingCardJob, PollingCardJobKind, PollingCardJobStatus } from '@wahl/contracts';
import { piecesFileName } from '../rendering/print-manifest';
import type { JobRow, LotRow } from './polling-card-job.repository';

export const JOB_STATUS_LABELS: Readonly<Record<PollingCardJobStatus, string>> = {
  prepared: 'angelegt',
  running: 'läuft',
  'cancel-requested': 'wird abgebrochen',
  cancelled: 'abgebrochen',
  failed: 'fehlgeschlagen',
  succeeded: 'fertig',
};

export const JOB_KIND_LABELS: Readonly<Record<PollingCardJobKind, string>> = {
  main: 'Hauptdruck',
  'follow-up': 'Nachdruck (später Eingetragene)',
  replacement: 'Ersatz-Wahlbenachrichtigung',
};

/** A job's state for the office screen and the CLI: counts, rate and ETA; never a voter's data. */
export function toJobDto(row: JobRow): PollingCardJob {
  const running = row.status === 'running';
  const rate = running ? row.pieces_per_second : null;
  return {
    id: row.id,
    jobNumber: row.job_number,
    electionId: row.election_id,
    kind: row.kind,
    kindLabel: JOB_KIND_LABELS[row.kind],
    status: row.status,
    statusLabel: JOB_STATUS_LABELS[row.status],
    layout: row.layout,
    pieces: row.pieces,
    piecesDone: row.pieces_done,
    percent: row.pieces === 0 ? 100 : Math.floor((row.pieces_done * 100) / row.pieces),
    lots: row.lots,
    lotsDone: row.lots_done,
    piecesPerSecond: rate === null ? null : Math.round(rate),
    etaSeconds: rate ? Math.ceil((row.pieces - row.pieces_done) / rate) : null,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_username,
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    message: row.message,
  };
}

/** The files of a job as its REST answer lists them. */
export function jobFiles(row: JobRow, lots: readonly LotRow[]): PollingCardFile[] {
  const files: PollingCardFile[] = [];
  for (const lot of lots) {
    files.push({ name: lot.file_name, kind: 'lot', lot: lot.lot, bytes: Number(lot.bytes), sha256: lot.sha256 });
    files.push({ name: piecesFileName(lot.file_name), kind: 'pieces', lot: lot.lot, bytes: null, sha256: null });
  }
  if (row.status === 'succeeded') {
    files.push({ name: 'manifest.json', kind: 'manifest', lot: null, bytes: null, sha256: null });
    files.push({ name: 'manifest.csv', kind: 'manifest', lot: null, bytes: null, sha256: null });
  }
  return files;
}
