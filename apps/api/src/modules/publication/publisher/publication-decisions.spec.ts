import type { PublicationDistrict, QuickReport } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { decideWithRecord, EMPTY_RECORD } from './publication-decisions';

// Four polling districts in one municipality, in publication order d1 … d4. Thresholds are the
// R8.5 defaults: B ≥ 50 and A ≥ 50.
const DISTRICTS: PublicationDistrict[] = ['d1', 'd2', 'd3', 'd4'].map((id) => ({ id, kind: 'polling', parent: 'town' }));

const report = (districtId: string, eligible: number, voters: number): QuickReport => ({
  districtId,
  districtKind: 'polling',
  A: eligible,
  A1: eligible,
  A2: 0,
  A3: 0,
  B: voters,
  B1: 0,
  contests: [{ contestId: 'z', invalid: 0, valid: voters, votes: { x: voters } }],
});

const LARGE_1 = report('d1', 800, 500);
const SMALL_2 = report('d2', 40, 30);
const LARGE_3 = report('d3', 700, 450);

describe('R8.5 decisions over time', () => {
  it('should merge a small district with its next neighbour and record both choices', () => {
    const outcome = decideWithRecord(DISTRICTS, [LARGE_1, SMALL_2, LARGE_3], EMPTY_RECORD);
    expect(outcome.decisions).toEqual({
      d1: { decision: 'publish' },
      d2: { decision: 'merge-with', districtId: 'd3' },
      d3: { decision: 'merge-with', districtId: 'd2' },
      d4: { decision: 'withhold', reason: 'not-reported' },
    });
    expect(outcome.recorded).toEqual({
      publishedAlone: new Set(['d1']),
      mergedPairs: new Map([
        ['d2', 'd3'],
        ['d3', 'd2'],
      ]),
    });
    expect(outcome.recordedChanged).toBe(true);
  });

  it('should never take a district published alone earlier as partner, and withhold instead', () => {
    // d1 and d3 reported first and went public on their own; d2 comes later and is small.
    const first = decideWithRecord(DISTRICTS, [LARGE_1, LARGE_3], EMPTY_RECORD);
    expect(first.recorded.publishedAlone).toEqual(new Set(['d1', 'd3']));
    const later = decideWithRecord(DISTRICTS, [LARGE_1, SMALL_2, LARGE_3], first.recorded);
    expect(later.decisions['d2']).toEqual({ decision: 'withhold', reason: 'below-threshold' });
    expect(later.decisions['d1']).toEqual({ decision: 'publish' });
    expect(later.decisions['d3']).toEqual({ decision: 'publish' });
    expect(later.recordedChanged).toBe(false);
  });

  it('should keep a published pair together when a new neighbour reports', () => {
    const first = decideWithRecord(DISTRICTS, [SMALL_2, LARGE_3], EMPTY_RECORD);
    expect(first.decisions['d2']).toEqual({ decision: 'merge-with', districtId: 'd3' });
    // d1 reports: d2 could also pair with it, but stays with d3.
    const later = decideWithRecord(DISTRICTS, [LARGE_1, SMALL_2, LARGE_3], first.recorded);
    expect(later.decisions['d2']).toEqual({ decision: 'merge-with', districtId: 'd3' });
    expect(later.decisions['d1']).toEqual({ decision: 'publish' });
  });

  it('should withhold the partner rather than show it alone when the small district leaves the totals', () => {
    const first = decideWithRecord(DISTRICTS, [LARGE_1, SMALL_2, LARGE_3], EMPTY_RECORD);
    // d2's report is rejected: d3 alone would reveal d2 as (d2 + d3) − d3.
    const later = decideWithRecord(DISTRICTS, [LARGE_1, LARGE_3], first.recorded);
    expect(later.decisions['d3']).toEqual({ decision: 'withhold', reason: 'below-threshold' });
    expect(later.decisions['d2']).toEqual({ decision: 'withhold', reason: 'not-reported' });
    expect(later.decisions['d1']).toEqual({ decision: 'publish' });
  });

  it('should publish nothing of a district that has not reported', () => {
    const outcome = decideWithRecord(DISTRICTS, [], EMPTY_RECORD);
    expect(Object.values(outcome.decisions)).toEqual(DISTRICTS.map(() => ({ decision: 'withhold', reason: 'not-reported' })));
    expect(outcome.recordedChanged).toBe(false);
  });
});
