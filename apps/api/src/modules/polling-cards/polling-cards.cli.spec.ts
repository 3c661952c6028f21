import { describe, expect, it } from 'vitest';
import { progressBar } from './polling-cards.cli';

describe('cards generate progress bar', () => {
  it('should show share, counts, rate, remaining time and lots: 60,000 left at 1,250/s is 48 s', () => {
    expect(
      progressBar({ piecesDone: 40_000, pieces: 100_000, percent: 40, piecesPerSecond: 1250, etaSeconds: 48, lotsDone: 8, lots: 20 }, 10),
    ).toBe('[████░░░░░░]  40 % · 40.000 von 100.000 · 1.250/s · noch 0:48 min · Lose 8/20');
  });

  it('should drop rate and remaining time when they are unknown or done', () => {
    expect(
      progressBar(
        { piecesDone: 100_000, pieces: 100_000, percent: 100, piecesPerSecond: null, etaSeconds: null, lotsDone: 20, lots: 20 },
        4,
      ),
    ).toBe('[████] 100 % · 100.000 von 100.000 · Lose 20/20');
  });
});
