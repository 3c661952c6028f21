import { err, ok, type Result } from '../result';
import type { PreviousContestResult } from './plausibility';
import { roundedPercent, roundedPointChange } from './number-format';
import type { DistrictKind, QuickReport, ResultContest } from './quick-report.types';

// Election-night totals per area, up a tree district → municipality → constituency → … (P11, P12).
//
// Counts stay integers throughout; shares and turnout exist only as numerator/denominator pairs in
// the totals and are rounded in `areaResultView`, at the display edge (exact, see number-format).
//
// Turnout (P10): B/A is only meaningful where the postal ballots belong to the same eligible voters.
// A "unit" is a postal district together with all polling districts linked to it (R2.5), or a
// polling district without a link on its own. An area's turnout counts only units that are
// (a) entirely inside the area and (b) completely reported; the view says over how many of the
// area's units it is computed. An area holding a polling district whose postal district is not
// reported yet (or vice versa) therefore shows turnout over its other, complete units only – or
// none at all. Shares of votes (P12) are over all reported districts.

export type ResultArea = {
  readonly id: string;
  /** `null` for a root (e.g. the municipality, or the Land above constituencies). */
  readonly parent: string | null;
};

export type ResultDistrict = {
  readonly id: string;
  readonly kind: DistrictKind;
  /** The area the district belongs to. */
  readonly parent: string;
  /** Polling districts only: the postal district counting their postal ballots (P10). */
  readonly postalDistrictId?: string | null;
};

export type ResultTree = {
  readonly areas: readonly ResultArea[];
  readonly districts: readonly ResultDistrict[];
  readonly contests: readonly ResultContest[];
};

export type ContestTotals = {
  readonly invalid: number;
  readonly valid: number;
  /** Every list of the contest, 0 until votes arrive. */
  readonly votes: Readonly<Record<string, number>>;
};

/** Turnout over complete units inside the area (P10): voters / eligible. */
export type TurnoutTotals = {
  readonly voters: number;
  readonly eligible: number;
  readonly completeUnits: number;
  readonly totalUnits: number;
};

/** Totals of one area (or one district) over its reported districts. */
export type AreaTotals = {
  readonly id: string;
  /** P12: Schnellmeldungen received / expected in this area. */
  readonly reported: number;
  readonly expected: number;
  /** Sums over reported polling districts; postal districts have no A (R2.5, P9). */
  readonly A: number;
  readonly A1: number;
  readonly A2: number;
  readonly A3: number;
  readonly B: number;
  readonly B1: number;
  readonly contests: Readonly<Record<string, ContestTotals>>;
  readonly turnout: TurnoutTotals;
};

export type AggregationErrorCode = 'INVALID_TREE' | 'UNKNOWN_DISTRICT' | 'INVALID_REPORT' | 'STALE_PREVIOUS_VERSION';
export type AggregationError = { readonly code: AggregationErrorCode; readonly message: string };

type Unit = { readonly id: string; readonly members: readonly string[]; readonly anchor: string | null };

/** The tree with everything the aggregation needs precomputed; build once per election. */
export type IndexedResultTree = {
  readonly contests: readonly ResultContest[];
  readonly areaIds: readonly string[];
  readonly districts: ReadonlyMap<string, ResultDistrict>;
  readonly parentOf: ReadonlyMap<string, string | null>;
  /** Node itself first, root last. */
  readonly pathOf: ReadonlyMap<string, readonly string[]>;
  readonly unitOf: ReadonlyMap<string, string>;
  readonly units: ReadonlyMap<string, Unit>;
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableContest = { invalid: number; valid: number; votes: Record<string, number> };
type MutableTotals = Omit<Mutable<AreaTotals>, 'contests' | 'turnout'> & {
  contests: Record<string, MutableContest>;
  turnout: Mutable<TurnoutTotals>;
};
type UnitState = { reported: number; voters: number; eligible: number };

/**
 * Running totals of one election. `applyReport` changes it in place (the owner keeps one per
 * election in memory and rebuilds it with `recount` after a restart); read it via `areaTotals`.
 */
export type AggregationState = {
  readonly tree: IndexedResultTree;
  readonly totals: ReadonlyMap<string, AreaTotals>;
  readonly units: ReadonlyMap<string, Readonly<UnitState>>;
};

const invalidTree = (message: string): AggregationError => ({ code: 'INVALID_TREE', message });

export const indexResultTree = (tree: ResultTree): Result<IndexedResultTree, AggregationError> => {
  const parentOf = new Map<string, string | null>();
  const areaIds = new Set<string>();
  for (const area of tree.areas) {
    if (parentOf.has(area.id)) return err(invalidTree(`Das Gebiet „${area.id}“ ist mehrfach angelegt.`));
    parentOf.set(area.id, area.parent);
    areaIds.add(area.id);
  }
  const districts = new Map<string, ResultDistrict>();
  for (const district of tree.districts) {
    if (parentOf.has(district.id)) return err(invalidTree(`Die Kennung „${district.id}“ ist mehrfach vergeben.`));
    parentOf.set(district.id, district.parent);
    districts.set(district.id, district);
  }
  for (const [id, parent] of parentOf) {
    if (parent !== null && !areaIds.has(parent)) return err(invalidTree(`„${id}“ verweist auf das unbekannte Gebiet „${parent}“.`));
  }
  for (const district of tree.districts) {
    if (areaIds.has(district.parent) === false)
      return err(invalidTree(`Der Wahlbezirk „${district.id}“ braucht ein übergeordnetes Gebiet.`));
    const link = district.postalDistrictId;
    if (link === null || link === undefined) continue;
    if (district.kind !== 'polling')
      return err(invalidTree(`Nur ein Urnenwahlbezirk kann einem Briefwahlbezirk zugeordnet sein („${district.id}“).`));
    if (districts.get(link)?.kind !== 'postal')
      return err(invalidTree(`„${district.id}“ ist dem unbekannten Briefwahlbezirk „${link}“ zugeordnet.`));
  }

  const pathOf = new Map<string, readonly string[]>();
  const resolvePath = (id: string): readonly string[] | null => {
    const path: string[] = [];
    for (let current: string | null = id; current !== null; current = parentOf.get(current) ?? null) {
      const known = pathOf.get(current);
      if (known) return [...path, ...known];
      if (path.includes(current)) return null;
      path.push(current);
    }
    return path;
  };
  for (const id of parentOf.keys()) {
    const path = resolvePath(id);
    if (path === null) return err(invalidTree(`Die Gebietshierarchie enthält einen Zyklus bei „${id}“.`));
    pathOf.set(id, path);
  }

  // P10 units: a postal district with the polling districts linked to it; unlinked districts alone.
  const unitOf = new Map<string, string>();
  const members = new Map<string, string[]>();
  for (const district of tree.districts) {
    const unitId = district.kind === 'polling' && district.postalDistrictId ? district.postalDistrictId : district.id;
    unitOf.set(district.id, unitId);
    members.set(unitId, [...(members.get(unitId) ?? []), district.id]);
  }
  const units = new Map<string, Unit>();
  for (const [id, unitMembers] of members) {
    units.set(id, { id, members: unitMembers, anchor: lowestCommonAncestor(unitMembers.map((member) => pathOf.get(member) ?? [])) });
  }
  return ok({ contests: tree.contests, areaIds: [...areaIds], districts, parentOf, pathOf, unitOf, units });
};

// The deepest node that lies on every path; paths run from the node up to its root.
const lowestCommonAncestor = (paths: readonly (readonly string[])[]): string | null => {
  const [first, ...rest] = paths;
  if (!first) return null;
  const others = rest.map((path) => new Set(path));
  return first.find((node) => others.every((path) => path.has(node))) ?? null;
};

const emptyTotals = (tree: IndexedResultTree, id: string): MutableTotals => ({
  id,
  reported: 0,
  expected: 0,
  A: 0,
  A1: 0,
  A2: 0,
  A3: 0,
  B: 0,
  B1: 0,
  contests: Object.fromEntries(
    tree.contests.map((contest) => [
      contest.id,
      { invalid: 0, valid: 0, votes: Object.fromEntries(contest.listIds.map((listId) => [listId, 0])) },
    ]),
  ),
  turnout: { voters: 0, eligible: 0, completeUnits: 0, totalUnits: 0 },
});

const emptyState = (tree: IndexedResultTree): { totals: Map<string, MutableTotals>; units: Map<string, UnitState> } => {
  const totals = new Map<string, MutableTotals>();
  for (const id of tree.pathOf.keys()) totals.set(id, emptyTotals(tree, id));
  for (const districtId of tree.districts.keys()) {
    for (const node of tree.pathOf.get(districtId) ?? []) (totals.get(node) as MutableTotals).expected += 1;
  }
  for (const unit of tree.units.values()) {
    if (unit.anchor === null) continue;
    for (const node of tree.pathOf.get(unit.anchor) ?? []) (totals.get(node) as MutableTotals).turnout.totalUnits += 1;
  }
  const units = new Map<string, UnitState>();
  for (const id of tree.units.keys()) units.set(id, { reported: 0, voters: 0, eligible: 0 });
  return { totals, units };
};

/** Adds `sign` × the report's counts to `totals` (the report has been validated against the tree). */
const addReport = (totals: MutableTotals, report: QuickReport, sign: 1 | -1): void => {
  totals.reported += sign;
  totals.A += sign * (report.A ?? 0);
  totals.A1 += sign * (report.A1 ?? 0);
  totals.A2 += sign * (report.A2 ?? 0);
  totals.A3 += sign * (report.A3 ?? 0);
  totals.B += sign * report.B;
  totals.B1 += sign * report.B1;
  for (const counts of report.contests) {
    const target = totals.contests[counts.contestId] as MutableContest;
    target.invalid += sign * counts.invalid;
    target.valid += sign * counts.valid;
    for (const [listId, votes] of Object.entries(counts.votes)) target.votes[listId] = (target.votes[listId] ?? 0) + sign * votes;
  }
};

const addTotals = (target: MutableTotals, source: MutableTotals): void => {
  target.reported += source.reported;
  target.A += source.A;
  target.A1 += source.A1;
  target.A2 += source.A2;
  target.A3 += source.A3;
  target.B += source.B;
  target.B1 += source.B1;
  for (const [contestId, counts] of Object.entries(source.contests)) {
    const into = target.contests[contestId] as MutableContest;
    into.invalid += counts.invalid;
    into.valid += counts.valid;
    for (const [listId, votes] of Object.entries(counts.votes)) into.votes[listId] = (into.votes[listId] ?? 0) + votes;
  }
  target.turnout.voters += source.turnout.voters;
  target.turnout.eligible += source.turnout.eligible;
  target.turnout.completeUnits += source.turnout.completeUnits;
};

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

// The aggregation trusts plausibility for the arithmetic rules but never sums a report that does
// not fit the tree: that would corrupt every total above it.
const validateReport = (tree: IndexedResultTree, districtId: string, report: QuickReport): AggregationError | null => {
  const invalid = (message: string): AggregationError => ({ code: 'INVALID_REPORT', message: `Meldung für ${districtId}: ${message}` });
  const district = tree.districts.get(districtId) as ResultDistrict;
  if (report.districtId !== districtId) return invalid(`sie gehört zu Wahlbezirk ${report.districtId}.`);
  if (report.districtKind !== district.kind) return invalid('die Bezirksart passt nicht.');
  const eligible = [report.A, report.A1, report.A2, report.A3];
  if (district.kind === 'postal' ? eligible.some((value) => value !== null) : !eligible.every(isCount)) {
    return invalid('A, A1, A2, A3 passen nicht zur Bezirksart.');
  }
  if (!isCount(report.B) || !isCount(report.B1)) return invalid('B und B1 müssen ganze Zahlen ≥ 0 sein.');
  if (report.contests.length !== tree.contests.length) return invalid('die Stimmen passen nicht zur Wahl.');
  for (const contest of tree.contests) {
    const counts = report.contests.find((candidate) => candidate.contestId === contest.id);
    if (!counts) return invalid(`die Stimme „${contest.id}“ fehlt.`);
    if (!isCount(counts.invalid) || !isCount(counts.valid)) return invalid(`ungültige Zahlen bei „${contest.id}“.`);
    for (const [listId, votes] of Object.entries(counts.votes)) {
      if (!contest.listIds.includes(listId) || !isCount(votes)) return invalid(`ungültige Stimmen für „${listId}“.`);
    }
  }
  return null;
};

// The district's own totals must be exactly the version the caller replaces; otherwise the caller's
// view is stale and subtracting it would corrupt the totals.
const matchesStored = (tree: IndexedResultTree, stored: AreaTotals, previous: QuickReport | null): boolean => {
  if (previous === null) return stored.reported === 0;
  const expected = emptyTotals(tree, stored.id);
  addReport(expected, previous, 1);
  return (
    (['reported', 'A', 'A1', 'A2', 'A3', 'B', 'B1'] as const).every((key) => expected[key] === stored[key]) &&
    tree.contests.every((contest) => {
      const a = expected.contests[contest.id] as MutableContest;
      const b = stored.contests[contest.id] as ContestTotals;
      return a.invalid === b.invalid && a.valid === b.valid && contest.listIds.every((listId) => a.votes[listId] === b.votes[listId]);
    })
  );
};

const unitTurnout = (report: QuickReport) => ({ voters: report.B, eligible: report.A ?? 0 });

/**
 * Replaces district `districtId`'s report `previous` (null: first report) by `next` (null:
 * withdrawn) and updates only the nodes on the path district → root, plus the turnout of the
 * unit's path (P10): O(depth × lists), independent of the number of districts. Mutates `state`.
 */
export const applyReport = (
  state: AggregationState,
  districtId: string,
  previous: QuickReport | null,
  next: QuickReport | null,
): Result<AggregationState, AggregationError> => {
  const { tree } = state;
  const totals = state.totals as Map<string, MutableTotals>;
  if (!tree.districts.has(districtId))
    return err({ code: 'UNKNOWN_DISTRICT', message: `Der Wahlbezirk „${districtId}“ gehört nicht zu dieser Wahl.` });
  for (const report of [previous, next]) {
    const problem = report === null ? null : validateReport(tree, districtId, report);
    if (problem) return err(problem);
  }
  if (!matchesStored(tree, totals.get(districtId) as MutableTotals, previous)) {
    return err({ code: 'STALE_PREVIOUS_VERSION', message: `Die ersetzte Meldung für ${districtId} ist nicht der aktuelle Stand.` });
  }

  for (const node of tree.pathOf.get(districtId) ?? []) {
    const nodeTotals = totals.get(node) as MutableTotals;
    if (previous) addReport(nodeTotals, previous, -1);
    if (next) addReport(nodeTotals, next, 1);
  }

  const unit = tree.units.get(tree.unitOf.get(districtId) as string) as Unit;
  const unitState = (state.units as Map<string, UnitState>).get(unit.id) as UnitState;
  const before = { ...unitState, complete: unitState.reported === unit.members.length };
  if (previous) {
    const { voters, eligible } = unitTurnout(previous);
    unitState.reported -= 1;
    unitState.voters -= voters;
    unitState.eligible -= eligible;
  }
  if (next) {
    const { voters, eligible } = unitTurnout(next);
    unitState.reported += 1;
    unitState.voters += voters;
    unitState.eligible += eligible;
  }
  const complete = unitState.reported === unit.members.length;
  if (unit.anchor !== null && (before.complete || complete)) {
    for (const node of tree.pathOf.get(unit.anchor) ?? []) {
      const turnout = (totals.get(node) as MutableTotals).turnout;
      if (before.complete) {
        turnout.voters -= before.voters;
        turnout.eligible -= before.eligible;
        turnout.completeUnits -= 1;
      }
      if (complete) {
        turnout.voters += unitState.voters;
        turnout.eligible += unitState.eligible;
        turnout.completeUnits += 1;
      }
    }
  }
  return ok(state);
};

/** An empty state: no district reported yet. */
export const createAggregation = (tree: IndexedResultTree): AggregationState => ({ tree, ...emptyState(tree) });

/**
 * Computes all totals from scratch, bottom-up (each node = its own report or the sum of its
 * children) – independent of `applyReport`'s path updates, so the two can check each other.
 */
export const recount = (tree: IndexedResultTree, reports: Iterable<QuickReport>): Result<AggregationState, AggregationError> => {
  const { totals, units } = emptyState(tree);
  const byDistrict = new Map<string, QuickReport>();
  for (const report of reports) {
    if (!tree.districts.has(report.districtId))
      return err({ code: 'UNKNOWN_DISTRICT', message: `Der Wahlbezirk „${report.districtId}“ gehört nicht zu dieser Wahl.` });
    const problem = validateReport(tree, report.districtId, report);
    if (problem) return err(problem);
    if (byDistrict.has(report.districtId))
      return err({ code: 'INVALID_REPORT', message: `Für ${report.districtId} liegen zwei Meldungen vor.` });
    byDistrict.set(report.districtId, report);
    addReport(totals.get(report.districtId) as MutableTotals, report, 1);
  }
  // Complete units add their turnout at their anchor; the children sums carry it upwards.
  for (const unit of tree.units.values()) {
    const memberReports = unit.members.map((member) => byDistrict.get(member));
    const unitState = units.get(unit.id) as UnitState;
    for (const report of memberReports) {
      if (!report) continue;
      unitState.reported += 1;
      unitState.voters += unitTurnout(report).voters;
      unitState.eligible += unitTurnout(report).eligible;
    }
    if (unit.anchor === null || unitState.reported !== unit.members.length) continue;
    const anchor = (totals.get(unit.anchor) as MutableTotals).turnout;
    anchor.voters += unitState.voters;
    anchor.eligible += unitState.eligible;
    anchor.completeUnits += 1;
  }
  const deepestFirst = [...tree.pathOf.entries()].sort(([, a], [, b]) => b.length - a.length);
  for (const [id, path] of deepestFirst) {
    const parent = path[1];
    if (parent !== undefined) addTotals(totals.get(parent) as MutableTotals, totals.get(id) as MutableTotals);
  }
  return ok({ tree, totals, units });
};

export const areaTotals = (state: AggregationState, id: string): AreaTotals | undefined => state.totals.get(id);

export type ListResultView = {
  readonly listId: string;
  readonly votes: number;
  /** Share of the valid votes of the reported districts (P12), percent with one decimal. */
  readonly percent: number | null;
  readonly previousPercent: number | null;
  /** Change against the previous election in percentage points. */
  readonly changePoints: number | null;
};

export type AreaResultView = {
  readonly id: string;
  readonly reported: number;
  readonly expected: number;
  readonly complete: boolean;
  /** P10: over `completeUnits` of `totalUnits` units; `null` if none is complete. */
  readonly turnout: { readonly percent: number | null; readonly completeUnits: number; readonly totalUnits: number };
  readonly contests: readonly {
    readonly contestId: string;
    readonly invalid: number;
    readonly valid: number;
    readonly invalidPercent: number | null;
    readonly lists: readonly ListResultView[];
  }[];
};

/**
 * Rounds the totals for display: shares over the reported districts (P12), turnout over complete
 * units (P10), change per list against `previous` (the previous election's result of this area).
 * Cumulative council ballots (votesPerBallot > 1) share over all list votes, not valid ballots (R5.6).
 */
export const areaResultView = (
  tree: IndexedResultTree,
  totals: AreaTotals,
  previous: readonly PreviousContestResult[] = [],
  decimals = 1,
): AreaResultView => ({
  id: totals.id,
  reported: totals.reported,
  expected: totals.expected,
  complete: totals.reported === totals.expected,
  turnout: {
    percent: totals.turnout.completeUnits === 0 ? null : roundedPercent(totals.turnout.voters, totals.turnout.eligible, decimals),
    completeUnits: totals.turnout.completeUnits,
    totalUnits: totals.turnout.totalUnits,
  },
  contests: tree.contests.map((contest) => {
    const counts = totals.contests[contest.id] as ContestTotals;
    const votesPerBallot = contest.votesPerBallot ?? 1;
    const base = votesPerBallot === 1 ? counts.valid : Object.values(counts.votes).reduce((a, b) => a + b, 0);
    const before = previous.find((result) => result.contest === contest.id);
    const previousBase = !before ? 0 : votesPerBallot === 1 ? before.valid : Object.values(before.votes).reduce((a, b) => a + b, 0);
    return {
      contestId: contest.id,
      invalid: counts.invalid,
      valid: counts.valid,
      invalidPercent: roundedPercent(counts.invalid, counts.invalid + counts.valid, decimals),
      lists: contest.listIds.map((listId) => {
        const votes = counts.votes[listId] ?? 0;
        const previousVotes = before?.votes[listId];
        const hasPrevious = previousVotes !== undefined && previousBase > 0;
        return {
          listId,
          votes,
          percent: roundedPercent(votes, base, decimals),
          previousPercent: hasPrevious ? roundedPercent(previousVotes, previousBase, decimals) : null,
          changePoints: hasPrevious ? roundedPointChange(votes, base, previousVotes, previousBase, decimals) : null,
        };
      }),
    };
  }),
});
