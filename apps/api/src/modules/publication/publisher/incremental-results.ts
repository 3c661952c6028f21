import { areaTotals, type AggregationState, type AreaTotals, type PublicationDecision } from '@wahl/domain';
import { ContentDigest } from './election-publication';
import { buildAreaResult, releasedAreaTotals, type BuiltResult } from './public-results.builder';
import type { PublicationSource } from './publication-source';
import type { Released } from './release-decisions';

// Issue 16: one election's public results kept from one publication to the next. A report moves
// the totals on its district's path only (applyReport) and the totals' journal names the district,
// so an update rebuilds that district, the districts whose R8.5/R8.7 decision changed (named by the
// decisions' journal, IncrementalRelease) or whose merge partner moved, and the areas on their paths
// or whose R8.7 inputs moved – it neither builds nor looks at every district per publication. The
// result equals a full build (buildPublicResults) byte for byte.

export type ResultsUpdate = {
  /** Every area's result as a full build gives it; the map is this object's and moves with the next update. */
  readonly results: ReadonlyMap<string, BuiltResult>;
  /** The areas to compare with what is public, in area order: those whose text changed since `sent`. */
  readonly candidates: readonly string[];
  /** The content digest over every area's text (ContentDigest). */
  readonly digest: string;
};

const sameDecision = (a: PublicationDecision | undefined, b: PublicationDecision | undefined): boolean => {
  if (a === undefined || b === undefined) return a === b;
  if (a.decision === 'merge-with') return b.decision === 'merge-with' && a.districtId === b.districtId;
  if (a.decision === 'withhold') return b.decision === 'withhold' && a.reason === b.reason;
  return b.decision === a.decision;
};

/**
 * What an area's result reads besides its own totals (unchanged off the changed paths) and, for the
 * municipality, its districts' decisions (public-results.builder): the districts R8.7 holds back from
 * it, and the turnout it may show – below a hidden district that depends on what the log admits
 * (partialAreaTotals), which moves with releases anywhere in the election.
 */
type AreaInputs = { readonly heldBack: readonly string[]; readonly turnout: string };

const areaInputs = (state: AggregationState, released: Released, areaId: string, whole: AreaTotals): AreaInputs => {
  const { voters, eligible, completeUnits, totalUnits } = releasedAreaTotals(state, released, areaId, whole).turnout;
  return { heldBack: released.aggregates.get(areaId)?.heldBack ?? [], turnout: `${voters} ${eligible} ${completeUnits} ${totalUnits}` };
};

const sameInputs = (before: AreaInputs | undefined, now: AreaInputs): boolean =>
  before !== undefined &&
  before.turnout === now.turnout &&
  before.heldBack.length === now.heldBack.length &&
  before.heldBack.every((id, index) => now.heldBack[index] === id);

export class IncrementalResults {
  private readonly results = new Map<string, BuiltResult>();
  /** The decision each district's result was built with. */
  private readonly decisions = new Map<string, PublicationDecision | undefined>();
  /** Per district, the districts whose result was built merged with it (they show its figures). */
  private readonly mergedWith = new Map<string, Set<string>>();
  /** Per area above the districts, what its result was built with besides its districts' totals. */
  private readonly builtWith = new Map<string, AreaInputs>();
  private readonly digest = new ContentDigest();
  /** Areas whose text changed since the caller last confirmed what is public (`sent`). */
  private readonly unsent = new Set<string>();
  private readonly position: ReadonlyMap<string, number>;
  /** The areas above the districts. */
  private readonly aboveDistricts: readonly string[];
  /** The totals state and journal length of the last update; another state object means a rebuild from scratch. */
  private seen: { readonly state: AggregationState; readonly length: number } | null = null;
  /** The decision journal (ReleaseOutcome) and its length at the last update. */
  private seenDecisions: { readonly journal: readonly string[]; readonly length: number } | null = null;

  constructor(private readonly source: PublicationSource) {
    this.position = new Map(source.areas.map((area, index) => [area.id, index]));
    this.aboveDistricts = source.areas.filter((area) => !source.context.districtById.has(area.id)).map((area) => area.id);
  }

  /**
   * Brings every area's result up to `state` (with `journal`, TotalsService.journaled) and `released`.
   * With the `decisionJournal` that came with `released` (IncrementalRelease) only the districts it
   * and the totals' journal name since the last update are looked at; without it, every district.
   */
  update(state: AggregationState, journal: readonly string[], released: Released, decisionJournal?: readonly string[]): ResultsUpdate {
    const moved = this.seen?.state === state ? new Set(journal.slice(this.seen.length)) : null;
    const redecided =
      moved && decisionJournal && this.seenDecisions?.journal === decisionJournal ? decisionJournal.slice(this.seenDecisions.length) : null;
    this.seen = { state, length: journal.length };
    this.seenDecisions = decisionJournal ? { journal: decisionJournal, length: decisionJournal.length } : null;
    const rebuilt = new Set<string>();
    for (const districtId of redecided && moved ? this.nearChanges(moved, redecided) : this.source.context.districts.map((d) => d.id)) {
      const decision = released.decisions[districtId];
      const partner = decision?.decision === 'merge-with' ? decision.districtId : null;
      const stale =
        moved === null ||
        moved.has(districtId) ||
        (partner !== null && moved.has(partner)) ||
        !sameDecision(this.decisions.get(districtId), decision);
      if (!stale) continue;
      this.remember(districtId, decision);
      this.rebuild(districtId, state, released, moved === null);
      for (const areaId of state.tree.pathOf.get(districtId) ?? []) rebuilt.add(areaId);
    }
    for (const areaId of this.aboveDistricts) {
      const whole = areaTotals(state, areaId);
      const inputs = whole ? areaInputs(state, released, areaId, whole) : undefined;
      if (moved !== null && !rebuilt.has(areaId) && inputs && sameInputs(this.builtWith.get(areaId), inputs)) continue;
      if (inputs) this.builtWith.set(areaId, inputs);
      else this.builtWith.delete(areaId);
      this.rebuild(areaId, state, released, moved === null);
    }
    const candidates = [...this.unsent].sort((a, b) => this.position.get(a)! - this.position.get(b)!);
    return { results: this.results, candidates, digest: this.digest.hex() };
  }

  /** What the last update gave is public now (or was equal to it): later updates compare only what changes. */
  sent(): void {
    this.unsent.clear();
  }

  // The districts whose result may have moved: those named, and those built merged with a moved one.
  private nearChanges(moved: ReadonlySet<string>, redecided: readonly string[]): Set<string> {
    const near = new Set([...moved, ...redecided]);
    for (const districtId of moved) for (const merged of this.mergedWith.get(districtId) ?? []) near.add(merged);
    return near;
  }

  private remember(districtId: string, decision: PublicationDecision | undefined): void {
    const before = this.decisions.get(districtId);
    if (before?.decision === 'merge-with') this.mergedWith.get(before.districtId)?.delete(districtId);
    this.decisions.set(districtId, decision);
    if (decision?.decision !== 'merge-with') return;
    const merged = this.mergedWith.get(decision.districtId);
    if (merged) merged.add(districtId);
    else this.mergedWith.set(decision.districtId, new Set([districtId]));
  }

  // `compare`: after a rebuild from scratch what is public may differ from the texts held here.
  private rebuild(areaId: string, state: AggregationState, released: Released, compare: boolean): void {
    const totals = areaTotals(state, areaId);
    const before = this.results.get(areaId);
    if (!totals) {
      this.results.delete(areaId);
      this.digest.delete(areaId);
      return;
    }
    const built = buildAreaResult(this.source, state, released, areaId, totals);
    if (before?.json === built.json) {
      if (compare) this.unsent.add(areaId);
      return;
    }
    this.results.set(areaId, built);
    this.digest.set(areaId, built.json);
    this.unsent.add(areaId);
  }
}
