import type { PollingCardJobKind, PollingCardJobStatus } from '../entities/polling-card-job.entity';
import type { JobRow, LotRow } from '../jobs/polling-card-job.repository';
import { piecesFileName } from '../rendering/print-manifest';

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

export type PollingCardFileDto = {
  readonly name: string;
  readonly kind: 'lot' | 'pieces' | 'manifest';
  readonly lot: number | null;
  readonly bytes: number | null;
  readonly sha256: string | null;
};

/** A job's state for the office screen and the CLI: counts, rate and ETA; never a voter's data. */
export type PollingCardJobDto = {
  readonly id: string;
  readonly jobNumber: number;
  readonly electionId: string;
  readonly kind: PollingCardJobKind;
  readonly kindLabel: string;
  readonly status: PollingCardJobStatus;
  readonly statusLabel: string;
  readonly layout: string;
  readonly pieces: number;
  readonly piecesDone: number;
  readonly percent: number;
  readonly lots: number;
  readonly lotsDone: number;
  readonly piecesPerSecond: number | null;
  readonly etaSeconds: number | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly message: string | null;
};

/** The REST answer also lists the files (and, for replacement cards, the reason). */
export type PollingCardJobDetailDto = PollingCardJobDto & {
  readonly reason: string | null;
  readonly files: readonly PollingCardFileDto[];
};

export function toJobDto(row: JobRow): PollingCardJobDto {
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

export function jobFiles(row: JobRow, lots: readonly LotRow[]): PollingCardFileDto[] {
  const files: PollingCardFileDto[] = [];
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
