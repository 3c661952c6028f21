// Wire types of the polling-card API (apps/api/src/modules/polling-cards/dtos). No voter data.

export type PollingCardJobKind = 'main' | 'follow-up' | 'replacement';
export type PollingCardJobStatus = 'prepared' | 'running' | 'cancel-requested' | 'cancelled' | 'failed' | 'succeeded';
export type CardLayout = 'a4' | 'a5' | 'postcard';

export type PollingCardJob = {
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

export type PollingCardFile = {
  readonly name: string;
  readonly kind: 'lot' | 'pieces' | 'manifest';
  readonly lot: number | null;
  readonly bytes: number | null;
  readonly sha256: string | null;
};

export type PollingCardJobDetail = PollingCardJob & { readonly reason: string | null; readonly files: readonly PollingCardFile[] };
