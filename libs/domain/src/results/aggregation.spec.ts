import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyReport,
  areaResultView,
  areaTotals,
  createAggregation,
  indexResultTree,
  recount,
  type AggregationState,
  type IndexedResultTree,
  type ResultTree,
} from './aggregation';
import type { QuickReport, ResultContest } from './quick-report.types';
import { WORKED_CONTESTS, WORKED_POLLING_0101, WORKED_POSTAL_0191 } from '../../test-support/worked-example.fixture';

const unwrap = <T, E>(result: { ok: true; value: T } | { ok: false; error: E }): T => {
  if (!result.ok) throw new Error(`unexpected error: ${JSON.stringify(result.error)}`);
  return result.value;
};

// Municipality 08111000 with two Stadtbezirke; 0101 and 0102 vote by post in 0191.
const CITY_TREE: ResultTree = {
  areas: [
    { id: 'wk-258', parent: null },
    { id: 'gemeinde', parent: 'wk-258' },
    { id: 'nord', parent: 'gemeinde' },
    { id: 'sued', parent: 'gemeinde' },
  ],
  districts: [
    { id: '0101', kind: 'polling', parent: 'nord', postalDistrictId: '0191' },
    { id: '0102', kind: 'polling', parent: 'sued', postalDistrictId: '0191' },
    { id: '0191', kind: 'postal', parent: 'gemeinde' },
    { id: '0201', kind: 'polling', parent: 'sued' },
  ],
  contests: WORKED_CONTESTS,
};

const WORKED_TREE: ResultTree = {
  areas: [{ id: 'gemeinde', parent: null }],
  districts: [
    { id: '0101', kind: 'polling', parent: 'gemeinde', postalDistrictId: '0191' },
    { id: '0191', kind: 'postal', parent: 'gemeinde' },
  ],
  contests: WORKED_CONTESTS,
};

const scaled = (report: QuickReport, districtId: string, factor: number): QuickReport => ({
  ...report,
  districtId,
  A: report.A === null ? null : report.A * factor,
  A1: report.A1 === null ? null : report.A1 * factor,
  A2: report.A2 === null ? null : report.A2 * factor,
  A3: report.A3 === null ? null : report.A3 * factor,
  B: report.B * factor,
  B1: report.B1 * factor,
  contests: report.contests.map((contest) => ({
    ...contest,
    invalid: contest.invalid * factor,
    valid: contest.valid * factor,
    votes: Object.fromEntries(Object.entries(contest.votes).map(([list, votes]) => [list, votes * factor])),
  })),
});

describe('aggregation – worked example DOMAIN 4.3', () => {
  it('should give turnout (820 + 260) / 1,500 = 72.0 % for the unit 0101 + 0191', () => {
    const tree = unwrap(indexResultTree(WORKED_TREE));
    const state = createAggregation(tree);
    unwrap(applyReport(state, '0101', null, WORKED_POLLING_0101));
    unwrap(applyReport(state, '0191', null, WORKED_POSTAL_0191));
    const totals = areaTotals(state, 'gemeinde')!;
    expect(totals).toMatchObject({ reported: 2, expected: 2, A: 1500, A1: 1200, A2: 300, A3: 0, B: 1080, B1: 275 });
    expect(totals.turnout).toEqual({ voters: 1080, eligible: 1500, completeUnits: 1, totalUnits: 1 });
    expect(totals.contests['zweitstimme']).toEqual({
      invalid: 10,
      valid: 1070,
      votes: { cdu: 385, spd: 290, gruene: 210, fdp: 102, linke: 52, bsw: 31 },
    });
    const view = areaResultView(tree, totals);
    expect(view.turnout).toEqual({ percent: 72, completeUnits: 1, totalUnits: 1 });
    // CDU Zweitstimme 385 / 1,070 = 35.98 %.
    expect(view.contests[1]!.lists[0]).toMatchObject({ listId: 'cdu', votes: 385, percent: 36 });
  });

  it('should show no turnout while the linked postal district is missing (P10) but shares of the reported district (P12)', () => {
    const tree = unwrap(indexResultTree(WORKED_TREE));
    const state = createAggregation(tree);
    unwrap(applyReport(state, '0101', null, WORKED_POLLING_0101));
    const view = areaResultView(tree, areaTotals(state, 'gemeinde')!);
    expect(view).toMatchObject({ reported: 1, expected: 2, complete: false, turnout: { percent: null, completeUnits: 0, totalUnits: 1 } });
    // Erststimme CDU 310 / 808 = 38.37 %.
    expect(view.contests[0]!.lists[0]).toMatchObject({ votes: 310, percent: 38.4 });
    // A polling district on its own shows no turnout either: its postal ballots are elsewhere.
    expect(areaResultView(tree, areaTotals(state, '0101')!).turnout.percent).toBeNull();
  });

  it('should compute turnout only over units inside the area and completely reported', () => {
    const tree = unwrap(indexResultTree(CITY_TREE));
    const state = createAggregation(tree);
    unwrap(applyReport(state, '0101', null, WORKED_POLLING_0101));
    unwrap(applyReport(state, '0191', null, WORKED_POSTAL_0191));
    unwrap(applyReport(state, '0201', null, scaled(WORKED_POLLING_0101, '0201', 2)));
    // Unit 0191 = {0101, 0102, 0191} waits for 0102; unit 0201 is complete: 1,640 / 3,000.
    expect(areaTotals(state, 'gemeinde')!.turnout).toEqual({ voters: 1640, eligible: 3000, completeUnits: 1, totalUnits: 2 });
    // Stadtbezirk Nord holds no whole unit: its postal district sits one level up.
    expect(areaTotals(state, 'nord')!.turnout).toEqual({ voters: 0, eligible: 0, completeUnits: 0, totalUnits: 0 });
    unwrap(applyReport(state, '0102', null, scaled(WORKED_POLLING_0101, '0102', 1)));
    // (820 + 820 + 260 + 1,640) / (1,500 + 1,500 + 3,000) = 3,540 / 6,000 = 59.0 %.
    expect(areaTotals(state, 'wk-258')!.turnout).toEqual({ voters: 3540, eligible: 6000, completeUnits: 2, totalUnits: 2 });
    expect(areaResultView(tree, areaTotals(state, 'wk-258')!).turnout.percent).toBe(59);
  });

  it('should apply a correction by replacing the old counts, and a withdrawal', () => {
    const tree = unwrap(indexResultTree(WORKED_TREE));
    const state = createAggregation(tree);
    unwrap(applyReport(state, '0101', null, WORKED_POLLING_0101));
    const corrected = {
      ...WORKED_POLLING_0101,
      contests: [
        WORKED_POLLING_0101.contests[0]!,
        { ...WORKED_POLLING_0101.contests[1]!, votes: { cdu: 291, spd: 219, gruene: 160, fdp: 80, linke: 40, bsw: 23 } },
      ],
    };
    unwrap(applyReport(state, '0101', WORKED_POLLING_0101, corrected));
    expect(areaTotals(state, 'gemeinde')!.contests['zweitstimme']!.votes).toMatchObject({ cdu: 291, spd: 219 });
    unwrap(applyReport(state, '0101', corrected, null));
    expect(areaTotals(state, 'gemeinde')).toEqual(unwrap(recount(tree, [])).totals.get('gemeinde'));
  });

  it('should give the change against the previous election in percentage points', () => {
    const tree = unwrap(indexResultTree(WORKED_TREE));
    const state = unwrap(recount(tree, [WORKED_POLLING_0101, WORKED_POSTAL_0191]));
    const previous = [{ contest: 'zweitstimme', valid: 1000, votes: { cdu: 400, spd: 300, gruene: 150, fdp: 100, linke: 50 } }];
    const lists = areaResultView(tree, areaTotals(state, 'gemeinde')!, previous).contests[1]!.lists;
    // CDU 385/1,070 = 35.98 % vs 40.0 % → −4.0; Grüne 210/1,070 = 19.63 % vs 15.0 % → +4.6; BSW new.
    expect(lists.find((list) => list.listId === 'cdu')).toMatchObject({ percent: 36, previousPercent: 40, changePoints: -4 });
    expect(lists.find((list) => list.listId === 'gruene')).toMatchObject({ percent: 19.6, previousPercent: 15, changePoints: 4.6 });
    expect(lists.find((list) => list.listId === 'bsw')).toMatchObject({ percent: 2.9, previousPercent: null, changePoints: null });
  });
});

describe('aggregation – guards', () => {
  it('should reject trees with cycles, unknown parents and wrong postal links', () => {
    const cyclic = indexResultTree({
      areas: [
        { id: 'a', parent: 'b' },
        { id: 'b', parent: 'a' },
      ],
      districts: [],
      contests: [],
    });
    expect(cyclic).toMatchObject({ ok: false, error: { code: 'INVALID_TREE' } });
    const orphan = indexResultTree({ areas: [], districts: [{ id: '1', kind: 'polling', parent: 'x' }], contests: [] });
    expect(orphan).toMatchObject({ ok: false, error: { code: 'INVALID_TREE' } });
    const badLink = indexResultTree({
      areas: [{ id: 'g', parent: null }],
      districts: [
        { id: '1', kind: 'polling', parent: 'g', postalDistrictId: '2' },
        { id: '2', kind: 'polling', parent: 'g' },
      ],
      contests: [],
    });
    expect(badLink).toMatchObject({ ok: false, error: { code: 'INVALID_TREE' } });
  });

  it('should refuse a stale previous version and leave the totals untouched', () => {
    const tree = unwrap(indexResultTree(WORKED_TREE));
    const state = createAggregation(tree);
    unwrap(applyReport(state, '0101', null, WORKED_POLLING_0101));
    const before = structuredClone(state.totals);
    expect(applyReport(state, '0101', null, WORKED_POLLING_0101)).toMatchObject({ ok: false, error: { code: 'STALE_PREVIOUS_VERSION' } });
    expect(applyReport(state, '0101', { ...WORKED_POLLING_0101, B: 821 }, null)).toMatchObject({
      ok: false,
      error: { code: 'STALE_PREVIOUS_VERSION' },
    });
    expect(applyReport(state, '0191', null, WORKED_POLLING_0101)).toMatchObject({ ok: false, error: { code: 'INVALID_REPORT' } });
    expect(applyReport(state, '0191', null, { ...WORKED_POSTAL_0191, A: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REPORT' },
    });
    expect(applyReport(state, '9999', null, WORKED_POSTAL_0191)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_DISTRICT' } });
    expect(state.totals).toEqual(before);
  });
});

// ---- property: incremental == recount after every step ----

const CONTESTS: readonly ResultContest[] = [
  { id: 'erst', listIds: ['x', 'y'] },
  { id: 'zweit', listIds: ['x', 'y', 'z'] },
];

const treeArbitrary = fc
  .record({
    // Area i hangs below an earlier area (or is a root): parent index in [-1, i).
    areaParents: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
    districts: fc.array(fc.record({ postal: fc.boolean(), area: fc.nat(), link: fc.option(fc.nat(), { nil: undefined }) }), {
      minLength: 1,
      maxLength: 14,
    }),
  })
  .map(({ areaParents, districts }): ResultTree => {
    const areas = areaParents.map((choice, index) => ({
      id: `area-${index}`,
      parent: index === 0 || choice % (index + 1) === index ? null : `area-${choice % index}`,
    }));
    const postalIds = districts.flatMap((district, index) => (district.postal ? [`d-${index}`] : []));
    return {
      areas,
      districts: districts.map((district, index) => ({
        id: `d-${index}`,
        kind: district.postal ? 'postal' : 'polling',
        parent: `area-${district.area % areas.length}`,
        postalDistrictId:
          !district.postal && district.link !== undefined && postalIds.length > 0 ? postalIds[district.link % postalIds.length]! : null,
      })),
      contests: CONTESTS,
    };
  });

const countsArbitrary = fc.array(fc.nat({ max: 5000 }), { minLength: 13, maxLength: 13 });

const reportFrom = (districtId: string, kind: 'polling' | 'postal', n: readonly number[]): QuickReport => ({
  districtId,
  districtKind: kind,
  A: kind === 'postal' ? null : n[0]! + n[1]! + n[2]!,
  A1: kind === 'postal' ? null : n[0]!,
  A2: kind === 'postal' ? null : n[1]!,
  A3: kind === 'postal' ? null : n[2]!,
  B: n[3]!,
  B1: n[4]!,
  contests: [
    { contestId: 'erst', invalid: n[5]!, valid: n[6]!, votes: { x: n[7]!, y: n[8]! } },
    { contestId: 'zweit', invalid: n[9]!, valid: n[10]!, votes: { x: n[11]!, y: n[12]!, z: n[9]! } },
  ],
});

const stepArbitrary = fc.record({ district: fc.nat(), withdraw: fc.boolean(), counts: countsArbitrary });

// Straight from the definition of P10/P12, for each area: sums over reported districts below it,
// turnout over units whose members all lie below it and are all reported.
const naiveTotals = (tree: IndexedResultTree, reports: ReadonlyMap<string, QuickReport>, areaId: string) => {
  const below = (id: string) => tree.pathOf.get(id)!.includes(areaId);
  const reported = [...reports.values()].filter((report) => below(report.districtId));
  let voters = 0;
  let eligible = 0;
  let completeUnits = 0;
  let totalUnits = 0;
  for (const unit of tree.units.values()) {
    if (!unit.members.every(below)) continue;
    totalUnits += 1;
    if (!unit.members.every((member) => reports.has(member))) continue;
    completeUnits += 1;
    for (const member of unit.members) {
      voters += reports.get(member)!.B;
      eligible += reports.get(member)!.A ?? 0;
    }
  }
  return {
    reported: reported.length,
    A: reported.reduce((sum, report) => sum + (report.A ?? 0), 0),
    B: reported.reduce((sum, report) => sum + report.B, 0),
    turnout: { voters, eligible, completeUnits, totalUnits },
  };
};

describe('aggregation – property: incremental equals recount', () => {
  it('should match recount after every report, correction and withdrawal, touching only the two paths', () => {
    fc.assert(
      fc.property(treeArbitrary, fc.array(stepArbitrary, { minLength: 1, maxLength: 30 }), (treeInput, steps) => {
        const tree = unwrap(indexResultTree(treeInput));
        const state: AggregationState = createAggregation(tree);
        const current = new Map<string, QuickReport>();
        for (const step of steps) {
          const district = treeInput.districts[step.district % treeInput.districts.length]!;
          const previous = current.get(district.id) ?? null;
          const next = step.withdraw && previous ? null : reportFrom(district.id, district.kind, step.counts);
          const before = structuredClone(state.totals);
          unwrap(applyReport(state, district.id, previous, next));
          if (next) current.set(district.id, next);
          else current.delete(district.id);

          const fresh = unwrap(recount(tree, current.values()));
          expect(state.totals).toEqual(fresh.totals);
          expect(state.units).toEqual(fresh.units);

          // O(depth): only the district's path and its unit's anchor path may change.
          const unit = tree.units.get(tree.unitOf.get(district.id)!)!;
          const touched = new Set([...tree.pathOf.get(district.id)!, ...(unit.anchor ? tree.pathOf.get(unit.anchor)! : [])]);
          for (const [id, totals] of state.totals) if (!touched.has(id)) expect(totals).toEqual(before.get(id));

          for (const area of treeInput.areas) expect(state.totals.get(area.id)).toMatchObject(naiveTotals(tree, current, area.id));
        }
      }),
      { numRuns: 300 },
    );
  });
});
