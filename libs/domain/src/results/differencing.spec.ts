import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseAggregateRelease, PublicationLog } from './differencing';
import { decidePublication, type PublicationDistrict } from './publication';
import type { QuickReport } from './quick-report.types';
import { planRelease } from './release-plan';
import { derivable } from '../../test-support/release-rank';

// DOMAIN.md R8.7's worked example: urn districts 0101 (A 45, B 30, withheld), 0102 (B 400),
// 0103 (B 520), Briefwahl 0191 (B 260); party X 11/150/200/90.
const FIGURES: Readonly<Record<string, { readonly B: number; readonly X: number }>> = {
  '0101': { B: 30, X: 11 },
  '0102': { B: 400, X: 150 },
  '0103': { B: 520, X: 200 },
  '0191': { B: 260, X: 90 },
};
const sum = (members: Iterable<string>) =>
  [...members].reduce((total, id) => ({ B: total.B + FIGURES[id]!.B, X: total.X + FIGURES[id]!.X }), { B: 0, X: 0 });
const isProtected = (unit: string) => unit === '0101';

describe('PublicationLog and hold-back (R8.7, worked example)', () => {
  const released = (singles: readonly string[]): PublicationLog => {
    const log = PublicationLog.empty();
    for (const id of singles) log.replay({ key: id, added: [id], removed: [] });
    return log;
  };

  it('should find (a) complement: the final total minus the published 0102, 0103, 0191 is 0101', () => {
    const log = released(['0102', '0103', '0191']);
    const total = ['0101', '0102', '0103', '0191'];
    expect(sum(total)).toEqual({ B: 1210, X: 451 });
    expect(log.exposes([{ key: 'gemeinde', added: total, removed: [] }], isProtected)).toEqual(['0101']);
  });

  it('should find (b) versions: 20:05 "3 of 4" and 20:40 differ by exactly 0101 although no district was public', () => {
    const log = PublicationLog.empty();
    const at2005 = ['0102', '0103', '0191'];
    expect(sum(at2005)).toEqual({ B: 1180, X: 440 });
    log.replay({ key: 'gemeinde', added: at2005, removed: [] });
    const at2040 = log.change('gemeinde', [...at2005, '0101'])!;
    expect(at2040).toEqual({ key: 'gemeinde', added: ['0101'], removed: [] });
    expect(log.exposes([at2040], isProtected)).toEqual(['0101']);
  });

  it('should hold 0101 back until it enters together with 0103, never published singly (difference B 550)', () => {
    const log = released(['0102', '0191']);
    const first = chooseAggregateRelease(log, 'gemeinde', [['0101'], ['0102'], ['0191']], isProtected);
    expect(first).toEqual({ members: ['0102', '0191'], heldBack: ['0101'] });
    expect(sum(first.members)).toEqual({ B: 660, X: 240 });
    log.replay(log.change('gemeinde', first.members)!);

    // 0103 arrives; published on its own it would give 0101 away by the next total.
    expect(
      log.exposes([{ key: '0103', added: ['0103'], removed: [] }, log.change('gemeinde', Object.keys(FIGURES))!], isProtected),
    ).toEqual(['0101']);
    const second = chooseAggregateRelease(
      log,
      'gemeinde',
      [['0101'], ['0102'], ['0103'], ['0191']],
      (unit) => unit !== '0102' && unit !== '0191',
    );
    expect(second).toEqual({ members: ['0101', '0102', '0103', '0191'], heldBack: [] });
    expect(sum(second.members)).toEqual({ B: 1210, X: 451 });
    const increment = log.change('gemeinde', second.members)!;
    expect(sum(increment.added)).toEqual({ B: 550, X: 211 });
    log.replay(increment);
    expect(log.isDerivable('0101')).toBe(false);
    expect(log.isDerivable('0103')).toBe(false);
    expect(
      derivable(Object.keys(FIGURES), [new Set(['0102']), new Set(['0191']), new Set(first.members), new Set(second.members)], '0101'),
    ).toBe(false);
  });

  it('should release nothing new when a withdrawn report would reveal a withheld district by the drop of the total', () => {
    // Public: 0102 alone and the total 0101 + 0102 + 0103 (0101 and 0103 withheld). Then 0101 withdraws its report.
    const fresh = released(['0102']);
    fresh.replay({ key: 'gemeinde', added: ['0101', '0102', '0103'], removed: [] });
    const release = chooseAggregateRelease(fresh, 'gemeinde', [['0102'], ['0103']], (unit) => unit === '0101' || unit === '0103');
    expect(release).toEqual({ members: ['0102'], heldBack: ['0103'] });
    expect(fresh.exposes([fresh.change('gemeinde', release.members)!], (unit) => unit === '0101' || unit === '0103')).toEqual([]);
  });
});

// The demo's defect: district 0101 (withheld under R8.5) is the only one reported.
const report = (districtId: string, A: number, B: number): QuickReport => ({
  districtId,
  districtKind: 'polling',
  A,
  A1: A,
  A2: 0,
  A3: 0,
  B,
  B1: 0,
  contests: [{ contestId: 'x', invalid: 0, valid: B, votes: { cdu: B } }],
});
const polling = (id: string, parent = 'gemeinde'): PublicationDistrict => ({ id, kind: 'polling', parent });

describe('planRelease (R8.5 + R8.7)', () => {
  const districts = [polling('0101'), polling('0102'), polling('0103')];
  const areas = [{ id: 'gemeinde', districtIds: ['0101', '0102', '0103'] }];

  it('should not release the total while the withheld 0101 alone is reported, then release it once 0102 enters with it', () => {
    const log = PublicationLog.empty();
    const alone = [report('0101', 45, 25)];
    const first = planRelease(log, { decisions: decidePublication({ districts, reports: alone }), reported: new Set(['0101']), areas });
    expect(first.decisions['0101']).toEqual({ decision: 'withhold', reason: 'below-threshold' });
    expect(first.aggregates.get('gemeinde')).toEqual({ members: [], heldBack: ['0101'] });
    expect(first.entries).toEqual([]);

    const both = [...alone, report('0102', 600, 400)];
    const second = planRelease(log, {
      decisions: decidePublication({ districts, reports: both }),
      reported: new Set(['0101', '0102']),
      areas,
    });
    expect(second.decisions['0101']).toEqual({ decision: 'merge-with', districtId: '0102' });
    expect(second.aggregates.get('gemeinde')).toEqual({ members: ['0101', '0102'], heldBack: [] });
    expect(log.isDerivable('0101')).toBe(false);
    expect(derivable(['0101', '0102', '0103'], [new Set(['0101', '0102'])], '0101')).toBe(false);
  });

  it('should withhold a district whose own release would reveal a held-back one through an earlier total', () => {
    const log = PublicationLog.empty();
    log.replay({ key: 'gemeinde', added: ['0101', '0102'], removed: [] });
    const plan = planRelease(log, {
      decisions: { '0101': { decision: 'withhold', reason: 'below-threshold' }, '0102': { decision: 'publish' } },
      reported: new Set(['0101', '0102']),
      areas,
    });
    expect(plan.decisions['0102']).toEqual({ decision: 'withhold', reason: 'differencing' });
    expect(log.isDerivable('0101')).toBe(false);
  });
});

describe('R8.7 property: no released sequence lets a protected district be derived', () => {
  const scenario = fc.record({
    sizes: fc.array(fc.record({ A: fc.integer({ min: 1, max: 120 }), B: fc.integer({ min: 1, max: 100 }) }), {
      minLength: 2,
      maxLength: 7,
    }),
    minVoters: fc.integer({ min: 1, max: 120 }),
    minEligible: fc.integer({ min: 1, max: 120 }),
  });

  // Two Stadtteile side by side; or a Stadtbezirk holding two Stadtteile, with districts left directly in the municipality.
  const twoQuarters = (ids: readonly string[]) => {
    const half = Math.ceil(ids.length / 2);
    return [
      { id: 'gemeinde', districtIds: ids },
      { id: 'nord', districtIds: ids.slice(0, half) },
      { id: 'sued', districtIds: ids.slice(half) },
    ];
  };
  const nested = (ids: readonly string[]) => {
    const third = Math.ceil(ids.length / 3);
    return [
      { id: 'gemeinde', districtIds: ids },
      { id: 'bezirk', districtIds: ids.slice(0, 2 * third) },
      { id: 'teil-a', districtIds: ids.slice(0, third) },
      { id: 'teil-b', districtIds: ids.slice(third, 2 * third) },
    ];
  };

  it.each([
    ['two Stadtteile', twoQuarters],
    ['a Stadtbezirk with two Stadtteile', nested],
  ])('should hold for random report orders, withdrawals and thresholds (%s), checked by an independent rank test', (_, areasOf) => {
    fc.assert(
      fc.property(scenario, fc.array(fc.nat(), { minLength: 1, maxLength: 14 }), ({ sizes, minVoters, minEligible }, steps) => {
        const ids = sizes.map((_, index) => `d${index}`);
        const areas = areasOf(ids);
        const districts = ids.map((id) => polling(id, [...areas].reverse().find((area) => area.districtIds.includes(id))!.id));
        const log = PublicationLog.empty();
        const releases: ReadonlySet<string>[] = [];
        const reported = new Set<string>();
        const publishedAlone = new Set<string>();
        for (const step of steps) {
          // Each step reports (or, if reported, withdraws) one district.
          const id = ids[step % ids.length]!;
          if (reported.has(id)) reported.delete(id);
          else reported.add(id);
          const reports = ids
            .filter((candidate) => reported.has(candidate))
            .map((candidate) => report(candidate, sizes[ids.indexOf(candidate)]!.A, sizes[ids.indexOf(candidate)]!.B));
          const decisions = decidePublication({
            districts,
            reports,
            alreadyPublished: [...publishedAlone],
            thresholds: { minVoters, minEligible },
          });
          const before = releases.length;
          const plan = planRelease(log, { decisions, reported, areas });
          for (const [districtId, decision] of Object.entries(plan.decisions)) {
            if (decision.decision === 'publish') publishedAlone.add(districtId);
            if (decision.decision === 'publish') releases.push(new Set([districtId]));
            if (decision.decision === 'merge-with') releases.push(new Set([districtId, decision.districtId]));
          }
          for (const release of plan.aggregates.values()) releases.push(new Set(release.members));
          for (const unit of ids) {
            const isProtectedNow = reported.has(unit) && plan.decisions[unit]?.decision !== 'publish';
            if (!isProtectedNow || derivable(ids, releases.slice(0, before), unit)) continue;
            expect(derivable(ids, releases, unit)).toBe(false);
            expect(log.isDerivable(unit)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
