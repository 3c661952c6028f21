import { describe, expect, it } from 'vitest';
import type { RetentionPlan } from '../api/retention.types';
import { categoryRows, rowsDueNow } from './retention-screen';

const plan = (hold: RetentionPlan['hold']): RetentionPlan => ({
  electionId: 'e',
  electionDay: '2029-02-25',
  today: '2029-03-20',
  hold,
  categories: [
    { category: 'card-pieces', label: '', dueDay: '2029-03-12', due: true, rows: 180, wouldDelete: hold ? 0 : 180, lastRun: null },
    { category: 'attempts', label: '', dueDay: '2029-03-28', due: false, rows: 3, wouldDelete: 0, lastRun: null },
    { category: 'postal', label: '', dueDay: '2029-08-26', due: false, rows: 0, wouldDelete: 0, lastRun: null },
    { category: 'roll', label: '', dueDay: '2029-08-26', due: false, rows: 900, wouldDelete: 0, lastRun: null },
  ],
});

describe('retention screen', () => {
  it('should mark due, waiting and empty categories and count what a run deletes', () => {
    const open = plan(null);
    expect(categoryRows(open).map((row) => row.state)).toEqual(['due', 'waiting', 'empty', 'waiting']);
    expect(rowsDueNow(open)).toBe(180);
  });

  it('should mark a due category as held under a legal hold, with nothing to delete', () => {
    const held = plan({ reason: 'wahlpruefung', note: 'Az. 1/29', setBy: 'leitung', setAt: '2029-03-01T09:00:00.000Z' });
    expect(categoryRows(held)[0]!.state).toBe('held');
    expect(rowsDueNow(held)).toBe(0);
  });
});
