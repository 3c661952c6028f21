import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivable } from '../../test-support/release-rank';
import { councilReleaseKey, planCouncilRelease, type CouncilBatchUnit } from './council-release';
import { PublicationLog } from './differencing';

const KEY = councilReleaseKey('gemeinderat');

describe('planCouncilRelease (R8.7 (b) for the council count)', () => {
  // Stacks in the order the counting teams enter them: 120 ballots, then 20, then 35 (together 55).
  const first: CouncilBatchUnit = { id: 'b1', ballots: 120 };
  const small: CouncilBatchUnit = { id: 'b2', ballots: 20 };
  const next: CouncilBatchUnit = { id: 'b3', ballots: 35 };

  it('should release the first stack of 120 ballots, then hold back a stack of 20 until 35 more make the increment 55', () => {
    const log = PublicationLog.empty();
    expect(planCouncilRelease(log, { key: KEY, batches: [first], final: false })).toEqual({
      members: ['b1'],
      heldBack: [],
      entry: { key: KEY, added: ['b1'], removed: [] },
    });
    expect(planCouncilRelease(log, { key: KEY, batches: [first, small], final: false })).toEqual({
      members: ['b1'],
      heldBack: ['b2'],
      entry: null,
    });
    expect(planCouncilRelease(log, { key: KEY, batches: [first, small, next], final: false })).toEqual({
      members: ['b1', 'b2', 'b3'],
      heldBack: [],
      entry: { key: KEY, added: ['b2', 'b3'], removed: [] },
    });
    expect(log.isDerivable('b2')).toBe(false);
  });

  it('should release nothing while the first stacks hold fewer than 50 ballots together', () => {
    const log = PublicationLog.empty();
    expect(planCouncilRelease(log, { key: KEY, batches: [small], final: false }).members).toEqual([]);
    expect(planCouncilRelease(log, { key: KEY, batches: [small, next], final: false }).members).toEqual(['b2', 'b3']);
  });

  it('should release the declared final result as it stands, the last small stack included', () => {
    const log = PublicationLog.empty();
    planCouncilRelease(log, { key: KEY, batches: [first], final: false });
    const final = planCouncilRelease(log, { key: KEY, batches: [first, small], final: true });
    expect(final).toEqual({ members: ['b1', 'b2'], heldBack: [], entry: { key: KEY, added: ['b2'], removed: [] } });
  });

  it('should continue from a replayed log after a restart', () => {
    const log = PublicationLog.empty();
    log.replay({ key: KEY, added: ['b1'], removed: [] });
    expect(planCouncilRelease(log, { key: KEY, batches: [first, small], final: false }).members).toEqual(['b1']);
  });
});

describe('R8.7 property: no provisional council version lets a stack below the threshold be derived', () => {
  it('should keep every increment at or above the threshold for random stack sizes, entry orders and publication moments', () => {
    const scenario = fc.record({
      ballots: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 9 }),
      minVoters: fc.integer({ min: 1, max: 120 }),
      // After each entered stack the page may or may not be asked for the result.
      asked: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
      order: fc.array(fc.nat(), { minLength: 9, maxLength: 9 }),
    });
    fc.assert(
      fc.property(scenario, ({ ballots, minVoters, asked, order }) => {
        const pending: CouncilBatchUnit[] = ballots.map((count, index) => ({ id: `b${index}`, ballots: count }));
        const units = pending.map((batch) => batch.id);
        const ballotsOf = new Map(pending.map((batch) => [batch.id, batch.ballots]));
        const log = PublicationLog.empty();
        const entered: CouncilBatchUnit[] = [];
        const releases: ReadonlySet<string>[] = [];
        let last = new Set<string>();
        for (let step = 0; pending.length > 0; step += 1) {
          entered.push(pending.splice(order[step]! % pending.length, 1)[0]!);
          if (!asked[step]) continue;
          const release = planCouncilRelease(log, { key: KEY, batches: entered, final: false, minVoters });
          const members = new Set(release.members);
          const increment = [...members].filter((id) => !last.has(id));
          expect([...last].every((id) => members.has(id))).toBe(true);
          if (increment.length > 0) {
            expect(increment.reduce((sum, id) => sum + ballotsOf.get(id)!, 0)).toBeGreaterThanOrEqual(minVoters);
            releases.push(members);
          }
          last = members;
        }
        for (const unit of units) {
          if (ballotsOf.get(unit)! >= minVoters) continue;
          expect(derivable(units, releases, unit)).toBe(false);
          expect(log.isDerivable(unit)).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });
});
