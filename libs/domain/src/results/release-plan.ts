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
  const entries: ReleaseEntry[] = [];
  // R8.5's protected districts: reported, not published on their own.
  const isProtected = (unit: string): boolean => input.reported.has(unit) && decisions[unit]?.decision !== 'publish';
  const record = (entry: ReleaseEntry): void => {
    log.replay(entry);
    entries.push(entry);
  };

  for (const districtId of Object.keys(input.decisions)) {
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

  // Deepest areas first: an area may then hold back just what its sub-areas hold back.
  const aggregates = new Map<string, AggregateRelease>();
  const done: { readonly first: string | undefined; readonly size: number; readonly heldBack: readonly string[] }[] = [];
  for (const area of [...input.areas].reverse()) {
    const inArea = new Set(area.districtIds);
    // Areas nest: one that shares a district with this one and is not larger lies inside it.
    const heldBelow = new Set(
      done
        .filter((below) => below.first !== undefined && inArea.has(below.first) && below.size <= inArea.size)
        .flatMap((below) => below.heldBack),
    );
    const release = chooseAggregateRelease(log, area.id, groupsOf(area, inArea, decisions, input.reported), isProtected, heldBelow);
    const entry = log.change(area.id, release.members);
    if (entry) record(entry);
    aggregates.set(area.id, release);
    done.push({ first: area.districtIds[0], size: inArea.size, heldBack: release.heldBack });
  }
  return { decisions, aggregates, entries };
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
