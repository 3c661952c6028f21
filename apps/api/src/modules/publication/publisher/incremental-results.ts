import { areaTotals, type AggregationState, type PublicationDecision } from '@wahl/domain';
import { ContentDigest } from './election-publication';
import { buildAreaResult, type BuiltResult } from './public-results.builder';
import type { PublicationSource } from './publication-source';
import type { Released } from './release-decisions';

// Issue 16: one election's public results kept from one publication to the next. A report moves
// the totals on its district's path only (applyReport) and the totals' journal names the district,
// so an update rebuilds that district, the districts whose R8.5/R8.7 decision changed or whose
// merge partner moved, and the areas above the districts – never every district's result, text and
// digest. The result equals a full build (buildPublicResults) byte for byte.

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

export class IncrementalResults {
  private readonly results = new Map<string, BuiltResult>();
  /** The decision each district's result was built with. */
  private readonly decisions = new Map<string, PublicationDecision | undefined>();
  private readonly digest = new ContentDigest();
  /** Areas whose text changed since the caller last confirmed what is public (`sent`). */
  private readonly unsent = new Set<string>();
  private readonly position: ReadonlyMap<string, number>;
  /** The areas above the districts: their results depend on the R8.7 release of the whole log, so each update rebuilds them. */
  private readonly aboveDistricts: readonly string[];
  /** The totals state and journal length of the last update; another state object means a rebuild from scratch. */
  private seen: { readonly state: AggregationState; readonly length: number } | null = null;

  constructor(private readonly source: PublicationSource) {
    this.position = new Map(source.areas.map((area, index) => [area.id, index]));
    this.aboveDistricts = source.areas.filter((area) => !source.context.districtById.has(area.id)).map((area) => area.id);
  }

  /** Brings every area's result up to `state` (with `journal`, TotalsService.journaled) and `released`. */
  update(state: AggregationState, journal: readonly string[], released: Released): ResultsUpdate {
    const moved = this.seen?.state === state ? new Set(journal.slice(this.seen.length)) : null;
    this.seen = { state, length: journal.length };
    for (const district of this.source.context.districts) {
      const decision = released.decisions[district.id];
      const partner = decision?.decision === 'merge-with' ? decision.districtId : null;
      const stale =
        moved === null ||
        moved.has(district.id) ||
        (partner !== null && moved.has(partner)) ||
        !sameDecision(this.decisions.get(district.id), decision);
      if (!stale) continue;
      this.decisions.set(district.id, decision);
      this.rebuild(district.id, state, released, moved === null);
    }
    for (const areaId of this.aboveDistricts) this.rebuild(areaId, state, released, moved === null);
    const candidates = [...this.unsent].sort((a, b) => this.position.get(a)! - this.position.get(b)!);
    return { results: this.results, candidates, digest: this.digest.hex() };
  }

  /** What the last update gave is public now (or was equal to it): later updates compare only what changes. */
  sent(): void {
    this.unsent.clear();
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
