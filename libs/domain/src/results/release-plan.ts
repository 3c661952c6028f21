import { chooseAggregateRelease, type AggregateRelease, type PublicationLog, type ReleaseEntry } from './differencing';
import type { PublicationDecision } from './publication';

// R8.7 applied to one publication: the R8.5 decisions per district, then every area total, each
// checked against the publication log before it is released. District figures go first (a total's
// hold-back depends on which districts are public), then the areas deepest first.

export type ReleaseArea = {
  readonly id: string;
  /** Every district below the area, in publication order. Areas nest (a tree), given root first. */
  readonly districtIds: readonly string[];
};

export type ReleasePlan = {
  /** The R8.5 decisions with the districts R8.7 withholds (reason `differencing`). */
  readonly decisions: Readonly<Record<string, PublicationDecision>>;
  readonly aggregates: ReadonlyMap<string, AggregateRelease>;
  /** What the log gained, in order: store it before anything is public. */
  readonly entries: readonly ReleaseEntry[];
};

/** The members a district's own figures sum: itself, its merge partner too, or nothing (withheld). */
export const districtMembers = (districtId: string, decision: PublicationDecision | undefined): readonly string[] =>
  decision?.decision === 'publish' ? [districtId] : decision?.decision === 'merge-with' ? [districtId, decision.districtId] : [];

/**
 * Plans the release of `decisions` (R8.5, per district) and of every area total, recording each
 * release in `log` as it goes (the caller keeps `log` only if the plan's entries are stored).
 * A district release that would expose a protected district is withheld; an area total holds
 * back what would (see chooseAggregateRelease).
 */
export const planRelease = (
  log: PublicationLog,
  input: {
    readonly decisions: Readonly<Record<string, PublicationDecision>>;
    readonly reported: ReadonlySet<string>;
    readonly areas: readonly ReleaseArea[];
  },
): ReleasePlan => {
  const decisions: Record<string, PublicationDecision> = { ...input.decisions };
  const aggregates = new Map<string, AggregateRelease>();
  const entries = replanRelease(log, { ...input, decisions, aggregates, check: Object.keys(input.decisions) });
  return { decisions, aggregates, entries };
};

/**
 * Issue 16: planRelease for what may have changed since the last plan, in place. `decisions` holds
 * the last plan's decisions with the R8.5 decisions of `check` (in publication order) set anew;
 * `aggregates` the last plan's area releases. Only the districts of `check` are checked (any
 * other has released what it shows), and only the areas `replan` names are planned again – an
 * area whose groups did not change and that held nothing back releases the same members. Without
 * `replan` every area is planned. Returns the new log entries.
 */
export const replanRelease = (
  log: PublicationLog,
  input: {
    readonly decisions: Record<string, PublicationDecision>;
    readonly aggregates: Map<string, AggregateRelease>;
    readonly reported: ReadonlySet<string>;
    readonly areas: readonly ReleaseArea[];
    readonly check: Iterable<string>;
    readonly replan?: ReadonlySet<string>;
  },
): ReleaseEntry[] => {
  const { decisions, aggregates } = input;
  const entries: ReleaseEntry[] = [];
  // R8.5's protected districts: reported, not published on their own.
  const isProtected = (unit: string): boolean => input.reported.has(unit) && decisions[unit]?.decision !== 'publish';
  const record = (entry: ReleaseEntry): void => {
    log.replay(entry);
    entries.push(entry);
  };

  for (const districtId of input.check) {
    const decision = decisions[districtId];
    const members = districtMembers(districtId, decision);
    const entry = members.length === 0 ? null : log.change(districtId, members);
    if (!entry) continue;
    if (log.exposes([entry], isProtected).length > 0) {
      for (const member of members) decisions[member] = { decision: 'withhold', reason: 'differencing' };
      continue;
    }
    record(entry);
    // A pair's two districts show the same sum: the partner's entry adds nothing to the span.
    const partnerEntry = decision?.decision === 'merge-with' ? log.change(decision.districtId, members) : null;
    if (partnerEntry) record(partnerEntry);
  }

  // Deepest areas first: an area may then hold back just what its sub-areas hold back. Only the
  // areas that held something back are remembered (the others add nothing to `heldBelow`).
  const holding: { readonly first: string | undefined; readonly size: number; readonly heldBack: readonly string[] }[] = [];
  for (let index = input.areas.length - 1; index >= 0; index--) {
    const area = input.areas[index]!;
    const previous = aggregates.get(area.id);
    let release = previous;
    if (!previous || !input.replan || input.replan.has(area.id)) {
      const inArea = new Set(area.districtIds);
      // Areas nest: one that shares a district with this one and is not larger lies inside it.
      const heldBelow = new Set(
        holding
          .filter((below) => below.first !== undefined && inArea.has(below.first) && below.size <= inArea.size)
          .flatMap((below) => below.heldBack),
      );
      release = chooseAggregateRelease(log, area.id, groupsOf(area, inArea, decisions, input.reported), isProtected, heldBelow);
      const entry = log.change(area.id, release.members);
      if (entry) record(entry);
      aggregates.set(area.id, release);
    }
    if (release!.heldBack.length > 0)
      holding.push({ first: area.districtIds[0], size: area.districtIds.length, heldBack: release!.heldBack });
  }
  return entries;
};

// The area's reported districts as they enter a sum: a merged pair together (when both lie in the
// area), every other district alone.
const groupsOf = (
  area: ReleaseArea,
  inArea: ReadonlySet<string>,
  decisions: Readonly<Record<string, PublicationDecision>>,
  reported: ReadonlySet<string>,
): (readonly string[])[] => {
  const grouped = new Set<string>();
  const groups: (readonly string[])[] = [];
  for (const districtId of area.districtIds) {
    if (!reported.has(districtId) || grouped.has(districtId)) continue;
    const decision = decisions[districtId];
    const partner = decision?.decision === 'merge-with' && inArea.has(decision.districtId) ? decision.districtId : null;
    const group = partner === null ? [districtId] : [districtId, partner];
    group.forEach((member) => grouped.add(member));
    groups.push(group);
  }
  return groups;
};
