import {
  areaTotals,
  IncrementalPublication,
  replanRelease,
  type AggregateRelease,
  type AggregationState,
  type PublicationDecision,
  type PublicationLog,
  type ReleaseEntry,
} from '@wahl/domain';
import { keepRecordedPairs, pairHolds, recordAdditions, type DistrictFacts } from './publication-decisions';
import { publicationDistricts } from './public-results.builder';
import type { PublicationSource } from './publication-source';
import { addToRecord, catchUp, released, type Ledger, type ReleaseOutcome, type StoredAfter } from './release-decisions';

// Issue 16: R8.5 over time (publication-decisions.ts) kept from one publication to the next. The
// decisions are re-decided only near a change (IncrementalPublication): the districts in the totals'
// journal since the last decision, those the record gained since (published alone, a recorded pair),
// and what a change of those decisions touches; the recorded pairs are checked again only where a
// member's decision moved. What the record gains is looked for only among the decisions that moved
// and those R8.7 held back last time. What another process stored (log entries, record rows) is
// applied as additions (`recheck`), also when a council release read it first (`releaseOutside`).
// The result equals decideRelease (the full computation, used whenever the totals or the ledger were
// rebuilt); incremental-release.spec.ts checks it step by step.

const NOTHING_READ: StoredAfter = { releases: [], record: [] };

// `later` after `earlier`, without copying when nothing came earlier (the common case).
const joined = (earlier: StoredAfter, later: StoredAfter): StoredAfter =>
  earlier.releases.length === 0 && earlier.record.length === 0
    ? later
    : { releases: [...earlier.releases, ...later.releases], record: [...earlier.record, ...later.record] };

const leftAt = (ledger: Ledger): Seen['ledger'] => ({ record: ledger.record, length: ledger.length, recordSeq: ledger.recordSeq });

type Seen = {
  readonly state: AggregationState;
  /** The journal's length. */
  readonly length: number;
  /** The ledger as this object left it (or `releaseOutside`): any other use of it means starting over. */
  readonly ledger: Pick<Ledger, 'record' | 'length' | 'recordSeq'>;
  readonly publication: IncrementalPublication;
};

export class IncrementalRelease {
  private seen: Seen | null = null;
  private totals: AggregationState | null = null;
  /** The decisions with the recorded pairs kept, in publication order; changed in place. */
  private decisions: Record<string, PublicationDecision> = {};
  /** Districts the recorded-pair rule decided otherwise than IncrementalPublication. */
  private overridden: readonly string[] = [];
  /** Recorded pairs (by their first district) that do not hold as decided. */
  private readonly broken = new Set<string>();
  /** Each recorded pair's place in the record (the order the rule walks them in). */
  private readonly pairOrder = new Map<string, number>();
  private readonly reported = new Set<string>();
  /** Districts whose record or R8.7 hold-back may still change what the record gains. */
  private pending: readonly string[] = [];
  /** The last plan: the decisions with R8.7's hold-backs, and every area's release. */
  private planned: Record<string, PublicationDecision> = {};
  private aggregates = new Map<string, AggregateRelease>();
  private positions: ReadonlyMap<string, number> | null = null;
  /** The districts whose planned decision may have moved, appended per decision; a new list on `start` (ReleaseOutcome). */
  private decisionJournal: string[] = [];
  /** What `releaseOutside` read under the lock since the last decision: applied as if read then. */
  private readOutside: StoredAfter = NOTHING_READ;
  /** The keys of the district results' figure sets in the log: every district and release area. */
  private resultKeys: ReadonlySet<string> | null = null;

  constructor(private readonly source: PublicationSource) {}

  /** As decideRelease: applies what the ledger lacks, decides, plans and records. What it releases is valid until the next call. */
  decide(totals: AggregationState, journal: readonly string[], stored: StoredAfter, ledger: Ledger): ReleaseOutcome {
    const seen = this.seen;
    const ledgerMoved = !this.leftAsIs(ledger);
    catchUp(ledger, stored);
    const read = joined(this.readOutside, stored);
    this.readOutside = NOTHING_READ;
    this.totals = totals;
    const rows = read.record.flatMap((row) => (row.partnerId === null ? [row.districtId] : [row.districtId, row.partnerId]));
    for (const row of read.record)
      if (row.partnerId !== null && !this.pairOrder.has(row.districtId)) this.pairOrder.set(row.districtId, this.pairOrder.size);
    const previous = seen !== null && seen.state === totals && !ledgerMoved ? seen : null;
    const publication = previous === null ? this.start(ledger) : previous.publication;
    const changed = previous === null ? [] : [...journal.slice(previous.length), ...rows];
    const touched = previous === null ? Object.keys(this.decisions) : this.follow(publication, changed, ledger);

    const entries = previous === null ? [] : this.ofDistrictResults(read.releases);
    const check = previous === null ? touched : this.inOrder([...touched, ...this.pending, ...this.recheck(entries)]);
    for (const id of check) this.planned[id] = this.decisions[id]!;
    const replan = previous === null ? undefined : this.areasToPlan([...check, ...changed], entries);
    const logged = replanRelease(ledger.log, {
      decisions: this.planned,
      aggregates: this.aggregates,
      reported: this.reported,
      areas: this.source.releaseAreas,
      check,
      replan,
    });
    ledger.length += logged.length;
    if (previous !== null) this.journalDecisions(check);
    // Recorded as released: a district R8.7 withheld has not been public alone and may still be a partner.
    const additions = recordAdditions(this.planned, ledger.record, new Set([...check, ...this.pending]));
    addToRecord(ledger, additions);
    for (const [id] of additions.mergedPairs) if (!this.pairOrder.has(id)) this.pairOrder.set(id, this.pairOrder.size);
    this.pending = [...additions.publishedAlone, ...additions.mergedPairs.flat(), ...this.heldBackByLog(check)];
    this.seen = { state: totals, length: journal.length, ledger: leftAt(ledger), publication };
    // This object's own decisions, not a copy (100,000 districts: a copy per publication cost more than
    // the decision): they move with the next decision, so a caller that keeps them copies (keptReleased).
    const plan = { decisions: this.planned, aggregates: this.aggregates, entries: logged };
    return { released: released(plan, this.reported, ledger.log), additions, entries: logged, decisionJournal: this.decisionJournal };
  }

  /**
   * A release of figures outside the district results under the lock (each council contest's total,
   * R8.7; PublisherService.releaseWithLog): catches the ledger up with `stored`, lets `plan` add its
   * entries to the log and counts them. The next decision applies `stored` as additions instead of
   * starting over; `plan`'s own entries need nothing (ofDistrictResults).
   */
  async releaseOutside<T>(
    ledger: Ledger,
    stored: StoredAfter,
    plan: (log: PublicationLog) => Promise<{ readonly result: T; readonly entries: readonly ReleaseEntry[] }>,
  ): Promise<{ readonly result: T; readonly entries: readonly ReleaseEntry[] }> {
    const seen = this.leftAsIs(ledger) ? this.seen : null;
    catchUp(ledger, stored);
    const outcome = await plan(ledger.log);
    ledger.length += outcome.entries.length;
    if (seen !== null) {
      this.readOutside = joined(this.readOutside, stored);
      this.seen = { ...seen, ledger: leftAt(ledger) };
    }
    return outcome;
  }

  // Whether the ledger is as this object (a decision or releaseOutside) left it.
  private leftAsIs(ledger: Ledger): boolean {
    const left = this.seen?.ledger;
    return left?.record === ledger.record && left.length === ledger.length && left.recordSeq === ledger.recordSeq;
  }

  // The entries of districts and areas. Any other key is a figure set outside the district results
  // (a council contest's total, `council:<contest>`), a sum over council batches, never over a
  // district: vectors over disjoint units never combine into a district's unit vector (R8.7 (c)),
  // so such entries change no district's or area's members, derivability or span test.
  private ofDistrictResults(entries: readonly ReleaseEntry[]): ReleaseEntry[] {
    const keys = (this.resultKeys ??= new Set([
      ...this.source.context.districts.map((district) => district.id),
      ...this.source.releaseAreas.map((area) => area.id),
    ]));
    return entries.filter((entry) => keys.has(entry.key));
  }

  // replanRelease sets the planned decision of each checked district and may withhold its merge partner with it.
  private journalDecisions(check: readonly string[]): void {
    for (const id of check) {
      this.decisionJournal.push(id);
      const decision = this.decisions[id];
      if (decision?.decision === 'merge-with') this.decisionJournal.push(decision.districtId);
    }
  }

  // In publication order, once each (the order planRelease checks districts in).
  private inOrder(ids: readonly string[]): string[] {
    const position = (this.positions ??= new Map(publicationDistricts(this.source).map((district, index) => [district.id, index])));
    return [...new Set(ids)].filter((id) => position.has(id)).sort((a, b) => position.get(a)! - position.get(b)!);
  }

  // Log entries of another process (read under the lock) may have set a district's or an area's
  // members otherwise, and a larger log may admit or expose what R8.7 held back: those districts are
  // checked again (any other district's entry is in the log unchanged: the full check finds nothing there).
  private recheck(entries: readonly ReleaseEntry[]): string[] {
    if (entries.length === 0) return [];
    const named = entries.flatMap((entry) => {
      const decision = this.decisions[entry.key];
      if (decision === undefined) return [];
      return decision.decision === 'merge-with' ? [entry.key, decision.districtId] : [entry.key];
    });
    const heldBack = Object.keys(this.planned).filter((id) => {
      const decision = this.planned[id]!;
      return decision.decision === 'withhold' && decision.reason === 'differencing';
    });
    return [...named, ...heldBack];
  }

  // The areas whose groups may have changed (above the named districts), those whose entry another
  // process set, and those that held something back.
  private areasToPlan(districtIds: readonly string[], entries: readonly ReleaseEntry[]): Set<string> {
    const areas = new Set<string>(entries.map((entry) => entry.key));
    for (const id of districtIds) for (const area of this.source.context.tree.pathOf.get(id) ?? []) areas.add(area);
    for (const [id, release] of this.aggregates) if (release.heldBack.length > 0) areas.add(id);
    return areas;
  }

  // The full computation: every district decided, every recorded pair checked.
  private start(ledger: Ledger): IncrementalPublication {
    this.reported.clear();
    for (const district of this.source.context.districts) if (this.reportOf(district.id)) this.reported.add(district.id);
    const publication = new IncrementalPublication(publicationDistricts(this.source), {
      report: (id) => this.reportOf(id),
      published: ledger.record.publishedAlone,
      mergePartner: (id) => ledger.record.mergedPairs.get(id),
    });
    this.pairOrder.clear();
    for (const id of ledger.record.mergedPairs.keys()) this.pairOrder.set(id, this.pairOrder.size);
    this.broken.clear();
    for (const [id, partner] of ledger.record.mergedPairs) if (!pairHolds(publication.decisions, id, partner)) this.broken.add(id);
    this.decisions = { ...publication.decisions };
    this.planned = {};
    this.decisionJournal = [];
    this.readOutside = NOTHING_READ;
    this.aggregates = new Map();
    this.overridden = [];
    this.pending = [];
    this.keepPairs(publication, ledger);
    return publication;
  }

  // The districts named changed; returns those whose decision may have moved.
  private follow(publication: IncrementalPublication, changed: readonly string[], ledger: Ledger): string[] {
    for (const id of changed) {
      if (this.reportOf(id)) this.reported.add(id);
      else this.reported.delete(id);
    }
    const named = new Set([...changed, ...this.pending]);
    const moved = publication.update(named);
    for (const id of new Set([...moved, ...named])) {
      for (const key of [id, ledger.record.mergedPairs.get(id)]) {
        const partner = key === undefined ? undefined : ledger.record.mergedPairs.get(key);
        if (key === undefined || partner === undefined) continue;
        if (pairHolds(publication.decisions, key, partner)) this.broken.delete(key);
        else this.broken.add(key);
      }
    }
    const before = this.overridden;
    this.keepPairs(publication, ledger);
    const overridden = new Set(this.overridden);
    const touched = [...moved, ...before, ...this.overridden];
    for (const id of touched) if (!overridden.has(id)) this.decisions[id] = publication.decisions[id]!;
    return touched;
  }

  // keepRecordedPairs over the pairs that do not hold, in the record's order, on top of the decisions.
  private keepPairs(publication: IncrementalPublication, ledger: Ledger): void {
    const overlay: Record<string, PublicationDecision> = Object.create(publication.decisions) as Record<string, PublicationDecision>;
    const pairs = [...this.broken]
      .sort((a, b) => this.pairOrder.get(a)! - this.pairOrder.get(b)!)
      .map((id): [string, string] => [id, ledger.record.mergedPairs.get(id)!]);
    const facts: DistrictFacts = { isReported: (id) => publication.isReported(id), isLarge: (id) => publication.isLarge(id) };
    keepRecordedPairs(overlay, pairs, facts, ledger.record);
    this.overridden = Object.keys(overlay);
    for (const id of this.overridden) this.decisions[id] = overlay[id]!;
  }

  // Districts R8.7 withheld although R8.5 would show them (only checked ones and their partners can
  // be): looked at again next time.
  private heldBackByLog(check: readonly string[]): string[] {
    const partners = check.flatMap((id) => {
      const decision = this.decisions[id];
      return decision?.decision === 'merge-with' ? [decision.districtId] : [];
    });
    return [...check, ...partners].filter((id) => {
      const decision = this.planned[id];
      return decision?.decision === 'withhold' && decision.reason === 'differencing';
    });
  }

  // A district's own totals are its counted report; R8.5 needs A and B of it.
  private reportOf(districtId: string): { A: number | null; B: number } | undefined {
    const totals = areaTotals(this.totals!, districtId);
    if (!totals || totals.reported === 0) return undefined;
    return { A: this.source.context.districtById.get(districtId)?.kind === 'postal' ? null : totals.A, B: totals.B };
  }
}
