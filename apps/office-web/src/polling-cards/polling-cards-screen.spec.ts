import { describe, expect, it } from 'vitest';
import type { PollingCardJob } from '../api/polling-cards.types';
import {
  canCancel,
  canResume,
  cardProgressLabel,
  currentJob,
  endsJob,
  formatDuration,
  mergeJob,
  progressParts,
} from './polling-cards-screen';

const job = (id: string, kind: PollingCardJob['kind'], status: PollingCardJob['status'], piecesDone = 0): PollingCardJob => ({
  id,
  jobNumber: Number(id),
  electionId: 'e',
  kind,
  kindLabel: kind,
  status,
  statusLabel: status,
  layout: 'a4',
  pieces: 100_000,
  piecesDone,
  percent: Math.floor(piecesDone / 1000),
  lots: 20,
  lotsDone: Math.floor(piecesDone / 5000),
  piecesPerSecond: status === 'running' ? 1250 : null,
  etaSeconds: status === 'running' ? Math.ceil((100_000 - piecesDone) / 1250) : null,
  createdAt: '2025-01-10T09:00:00.000Z',
  createdBy: 'clerk',
  startedAt: null,
  finishedAt: null,
  message: null,
});

describe('polling-card screen helpers', () => {
  it('should follow the active print run, not a replacement card', () => {
    expect(currentJob([job('3', 'replacement', 'succeeded'), job('2', 'follow-up', 'running'), job('1', 'main', 'succeeded')])?.id).toBe(
      '2',
    );
    expect(currentJob([job('3', 'replacement', 'succeeded'), job('1', 'main', 'succeeded')])?.id).toBe('1');
    expect(currentJob([job('3', 'replacement', 'succeeded')])).toBeNull();
  });

  it('should offer cancel while running and resume after a cancel or failure', () => {
    expect([canCancel(job('1', 'main', 'running')), canCancel(job('1', 'main', 'succeeded'))]).toEqual([true, false]);
    expect([
      canResume(job('1', 'main', 'cancelled')),
      canResume(job('1', 'main', 'failed')),
      canResume(job('1', 'main', 'running')),
    ]).toEqual([true, true, false]);
  });

  it('should keep the larger count when an older event arrives late', () => {
    const list = [job('1', 'main', 'running', 40_000)];
    expect(mergeJob(list, job('1', 'main', 'running', 35_000))[0]!.piecesDone).toBe(40_000);
    expect(mergeJob(list, job('1', 'main', 'succeeded', 100_000))[0]!.status).toBe('succeeded');
    expect(mergeJob(list, job('2', 'follow-up', 'prepared')).map((entry) => entry.id)).toEqual(['2', '1']);
  });

  it('should show rate and remaining time of a running job: 60,000 left at 1,250/s is 48 s', () => {
    expect(progressParts(job('1', 'main', 'running', 40_000))).toEqual({
      done: 40_000,
      total: 100_000,
      rate: 1250,
      eta: '0:48 min',
      lotsDone: 8,
      lots: 20,
    });
    expect(progressParts(job('1', 'main', 'succeeded', 100_000))).toMatchObject({ rate: null, eta: null });
    expect(formatDuration(3723)).toBe('1:02:03 h');
  });
});

describe('cardProgressLabel', () => {
  const texts = {
    pieces: (done: number, total: number) => `${done}/${total}`,
    rate: (count: number) => `${count}/s`,
    eta: (time: string) => `noch ${time}`,
    lots: (done: number, total: number) => `Los ${done}/${total}`,
  };

  it('should name rate and remaining time only while the job runs', () => {
    expect(cardProgressLabel(job('1', 'main', 'running', 40_000), texts)).toBe('40 % · 40000/100000 · 1250/s · noch 0:48 min · Los 8/20');
    expect(cardProgressLabel(job('1', 'main', 'cancelled', 40_000), texts)).toBe('40 % · 40000/100000 · Los 8/20');
  });
});

describe('endsJob', () => {
  it('should reload once when a job stops, and for a job not seen before that is already done', () => {
    expect(endsJob(job('1', 'main', 'running'), job('1', 'main', 'succeeded'))).toBe(true);
    expect(endsJob(undefined, job('1', 'main', 'succeeded'))).toBe(true);
    expect(endsJob(job('1', 'main', 'succeeded'), job('1', 'main', 'succeeded'))).toBe(false);
    expect(endsJob(job('1', 'main', 'prepared'), job('1', 'main', 'running'))).toBe(false);
  });
});
