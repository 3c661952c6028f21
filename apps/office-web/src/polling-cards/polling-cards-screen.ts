import type { PollingCardJob } from '../api/polling-cards.types';

// Plain helpers of the polling-card screen (no DOM, unit-tested): which job the progress bar
// follows, what may be done with a job, and the line under the bar.

const ACTIVE = new Set(['prepared', 'running', 'cancel-requested']);

/** The main or follow-up job the bar shows: the active one, else the newest. */
export function currentJob(jobs: readonly PollingCardJob[]): PollingCardJob | null {
  const printRuns = jobs.filter((job) => job.kind !== 'replacement');
  return printRuns.find((job) => ACTIVE.has(job.status)) ?? printRuns[0] ?? null;
}

export const isActive = (job: Pick<PollingCardJob, 'status'>): boolean => ACTIVE.has(job.status);
export const canCancel = (job: Pick<PollingCardJob, 'status'>): boolean => job.status === 'prepared' || job.status === 'running';
export const canResume = (job: Pick<PollingCardJob, 'status' | 'kind'>): boolean =>
  job.kind !== 'replacement' && (job.status === 'cancelled' || job.status === 'failed');

/** A job's list entry replaced by a newer state (socket event or answer); the list stays newest first. */
export function mergeJob(jobs: readonly PollingCardJob[], update: PollingCardJob): PollingCardJob[] {
  const index = jobs.findIndex((job) => job.id === update.id);
  if (index < 0) return [update, ...jobs];
  // Events may overtake each other; a running job never goes back in its count.
  const previous = jobs[index]!;
  const merged = previous.status === update.status && update.piecesDone < previous.piecesDone ? previous : update;
  return jobs.map((job, i) => (i === index ? merged : job));
}

/** `1:05 min` / `1:02:03 h` */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600)
    return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')} h`;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')} min`;
}

export type ProgressParts = {
  readonly done: number;
  readonly total: number;
  readonly rate: number | null;
  readonly eta: string | null;
  readonly lotsDone: number;
  readonly lots: number;
};

export function progressParts(job: PollingCardJob): ProgressParts {
  const running = job.status === 'running';
  return {
    done: job.piecesDone,
    total: job.pieces,
    rate: running ? job.piecesPerSecond : null,
    eta: running && job.etaSeconds !== null && job.percent < 100 ? formatDuration(job.etaSeconds) : null,
    lotsDone: job.lotsDone,
    lots: job.lots,
  };
}

/** The words of the line under the bar, in the screen's language (the caller translates). */
export type CardProgressTexts = {
  readonly pieces: (done: number, total: number) => string;
  readonly rate: (count: number) => string;
  readonly eta: (time: string) => string;
  readonly lots: (done: number, total: number) => string;
};

/** "40 % · 400 of 1,000 cards · 120 cards/s · 0:05 min left · lot 1 of 3": rate and time only while running. */
export function cardProgressLabel(job: PollingCardJob, texts: CardProgressTexts): string {
  const parts = progressParts(job);
  return [
    `${job.percent} %`,
    texts.pieces(parts.done, parts.total),
    parts.rate ? texts.rate(parts.rate) : null,
    parts.eta ? texts.eta(parts.eta) : null,
    texts.lots(parts.lotsDone, parts.lots),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A socket event that ends a job (or one not seen running) reloads the list and the job's files. */
export const endsJob = (previous: Pick<PollingCardJob, 'status'> | undefined, job: Pick<PollingCardJob, 'status'>): boolean =>
  !isActive(job) && (!previous || isActive(previous));
