import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import type { TotalsView } from '@wahl/contracts';
import { areaResultView, areaTotals, type AggregationState, type AreaTotals } from '@wahl/domain';
import { notFound } from '../../platform/errors/app-error';
import { MUNICIPALITY_AREA, type ElectionNightContext } from '../elections/read-model/election-night-context';
import {
  ReportCorrected,
  ReportCounted,
  ReportStateChanged,
  ReportWithdrawn,
  type CountedChange,
  type CountedReportEvent,
} from '../quick-reports/quick-reports.events';
import { ProgressChanged, TotalsChanged } from './aggregation.events';
import { AggregationRepository } from './aggregation.repository';
import { LiveTotals } from './live-totals';

type Slot = {
  /** The current state, or its rebuild in progress. */
  live: Promise<LiveTotals>;
  /** Changes committed while a rebuild runs; applied on top of its snapshot. */
  queued: CountedChange[] | null;
  /** The catch-up with another process's changes in progress (`caughtUp`). */
  catchingUp: Promise<boolean> | null;
};

export type { ListTotalsView, TotalsView } from '@wahl/contracts';

/**
 * Election-night totals per election, in memory: built by a full recount of the counted versions at
 * first use (or after a restart), then moved by `applyReport` with each committed confirmation,
 * correction or rejection – the cost of a report does not depend on the number of districts.
 * A read first compares the revision sum with the database (one indexed aggregate); when another API
 * process counted reports, only the districts changed since (counted_seq) are read and applied.
 */
@Injectable()
export class TotalsService {
  private readonly slots = new Map<string, Slot>();
  /**
   * Counted changes of this process that are committing or committed but not yet applied, per
   * election. A read finds the database ahead of the memory by at most these while writes run;
   * only a larger gap (another process counted) needs a rebuild.
   */
  private readonly unapplied = new Map<string, number>();

  constructor(
    private readonly repository: AggregationRepository,
    private readonly events: EventEmitter2,
  ) {}

  /** The running totals of every area and district, caught up first if another process counted reports. */
  async state(context: ElectionNightContext): Promise<AggregationState> {
    return (await this.fresh(context)).state;
  }

  /**
   * The running totals with their journal (LiveTotals.journal): while the state object stays the
   * same, the journal past a reader's position names every district that changed since.
   */
  async journaled(context: ElectionNightContext): Promise<{ state: AggregationState; journal: readonly string[] }> {
    const live = await this.fresh(context);
    return { state: live.state, journal: live.journal };
  }

  /** The municipality's raw totals over its counted reports, for the sums of the offices above it (P11). */
  async municipalityTotals(context: ElectionNightContext): Promise<AreaTotals> {
    const totals = areaTotals(await this.state(context), MUNICIPALITY_AREA);
    // Every election-night tree has the municipality area (buildElectionNightContext).
    if (!totals) throw new Error(`election ${context.electionId}: no municipality totals`);
    return totals;
  }

  /** Before a transaction that changes a district's counted version commits. */
  beginCounting(electionId: string): void {
    this.unapplied.set(electionId, (this.unapplied.get(electionId) ?? 0) + 1);
  }

  /** The transaction announced with beginCounting did not commit. */
  cancelCounting(electionId: string): void {
    this.settle(electionId);
  }

  /** After a commit that changed a district's counted version (announced with beginCounting). */
  @OnEvent(ReportCounted.event)
  @OnEvent(ReportCorrected.event)
  @OnEvent(ReportWithdrawn.event)
  onCounted({ context, change }: CountedReportEvent): void {
    this.applyCommitted(context, change);
  }

  /** The dashboard's progress after every report action (only while the totals are loaded). */
  @OnEvent(ReportStateChanged.event)
  async onStateChanged({ context }: ReportStateChanged): Promise<void> {
    const progress = await this.progress(context);
    if (progress) {
      this.events.emit(
        ProgressChanged.event,
        new ProgressChanged(context.officeId, context.electionId, progress.reported, progress.expected),
      );
    }
  }

  private applyCommitted(context: ElectionNightContext, change: CountedChange): void {
    const { electionId } = context;
    // Subscribers (the publisher) only schedule their work; it reads the totals after this change is applied.
    this.events.emit(TotalsChanged.event, new TotalsChanged(electionId));
    const slot = this.slots.get(electionId);
    // First use since start: build from the database, which already holds this change.
    if (!slot) {
      this.settle(electionId);
      void this.rebuild(context).catch(() => undefined);
      return;
    }
    if (slot.queued) {
      slot.queued.push(change);
      return;
    }
    void slot.live.then(
      (live) => {
        live.apply(change);
        this.settle(electionId);
      },
      () => this.settle(electionId),
    );
  }

  private settle(electionId: string): void {
    const left = (this.unapplied.get(electionId) ?? 1) - 1;
    if (left > 0) this.unapplied.set(electionId, left);
    else this.unapplied.delete(electionId);
  }

  /** Counted districts and the expected number, e.g. for progress events; null while not loaded. */
  async progress(context: ElectionNightContext): Promise<{ reported: number; expected: number } | null> {
    const slot = this.slots.get(context.electionId);
    if (!slot) return null;
    const totals = areaTotals((await slot.live).state, this.rootArea(context));
    return totals ? { reported: totals.reported, expected: totals.expected } : null;
  }

  async totals(context: ElectionNightContext, areaId: string | undefined): Promise<TotalsView> {
    const id = areaId ?? this.rootArea(context);
    const district = context.districtById.get(id);
    const area =
      context.areas.find((candidate) => candidate.id === id) ??
      (district ? { id, name: `Wahlbezirk ${district.number} ${district.name}`, level: 'district' } : null);
    if (!area) throw notFound('Das Gebiet');
    const live = await this.fresh(context);
    const totals = areaTotals(live.state, id);
    if (!totals) throw notFound('Das Gebiet');
    const view = areaResultView(context.tree, totals, context.previousByArea.get(id) ?? []);
    return {
      electionId: context.electionId,
      area: { id: area.id, name: area.name, level: area.level },
      areas: context.areas.map(({ id: areaKey, name, level, parent }) => ({ id: areaKey, name, level, parent })),
      reported: view.reported,
      expected: view.expected,
      complete: view.complete,
      eligible: totals.A,
      voters: totals.B,
      votersWithWahlschein: totals.B1,
      turnout: view.turnout,
      contests: view.contests.map((contestView, index) => {
        const contest = context.contests[index]!;
        return {
          key: contest.key,
          name: contest.name,
          invalid: contestView.invalid,
          valid: contestView.valid,
          invalidPercent: contestView.invalidPercent,
          lists: contestView.lists.map((listView, listIndex) => {
            const list = contest.lists[listIndex]!;
            return {
              key: list.key,
              shortName: list.shortName,
              name: list.name,
              color: list.color,
              votes: listView.votes,
              percent: listView.percent,
              previousPercent: listView.previousPercent,
              changePoints: listView.changePoints,
            };
          }),
        };
      }),
    };
  }

  private rootArea(context: ElectionNightContext): string {
    return context.areas.find((area) => area.parent === null)?.id ?? MUNICIPALITY_AREA;
  }

  // The memory if it equals the database; behind by another process's changes, caught up with them;
  // otherwise (first use, a reset, a gap the catch-up cannot explain) a rebuild. A read never waits for more than one.
  private async fresh(context: ElectionNightContext): Promise<LiveTotals> {
    const slot = this.slots.get(context.electionId);
    if (slot) {
      const live = await slot.live;
      // Taken before the query: changes applied while it runs may put the memory ahead of its snapshot.
      const held = live.sum;
      const sum = await this.repository.revisionSum(context.electionId);
      if (!live.stale && this.explained(context.electionId, sum, held, live.sum)) return live;
      if (this.slots.get(context.electionId) !== slot) return this.fresh(context);
      if (!live.stale && sum > live.sum && (await this.caughtUp(context.electionId, slot, live))) return live;
      if (this.slots.get(context.electionId) !== slot) return this.fresh(context);
    }
    return this.rebuild(context);
  }

  // The database's sum `sum` not behind the memory as it was before the query (`held`), and ahead of
  // the memory now (`now`) by no more than this process's own unapplied changes: they are on their way.
  private explained(electionId: string, sum: number, held: number, now: number): boolean {
    return sum >= held && sum - now <= (this.unapplied.get(electionId) ?? 0);
  }

  /**
   * Applies the rows past the state's marker as ordinary changes (its journal names them, so the
   * publisher stays incremental). Concurrent reads share one catch-up. When the rows do not explain
   * the gap – a lower marker that committed after a higher one was read – the rows past an earlier
   * marker are read (LiveTotals.lookback); false when even those do not explain it: then a rebuild.
   */
  private caughtUp(electionId: string, slot: Slot, live: LiveTotals): Promise<boolean> {
    slot.catchingUp ??= this.catchUpFrom(electionId, live, [live.mark, ...live.lookback]).finally(() => (slot.catchingUp = null));
    return slot.catchingUp;
  }

  // The memory before the query with the rows applied is what the snapshot is compared with: this
  // process's changes applied while the query ran may be newer than its snapshot.
  private async catchUpFrom(electionId: string, live: LiveTotals, marks: readonly number[]): Promise<boolean> {
    for (const mark of new Set(marks)) {
      const held = live.sum;
      const { rows, sum } = await this.repository.countedSince(electionId, mark);
      const beforeRows = live.sum;
      if (!live.catchUp(rows)) return false;
      if (this.explained(electionId, sum, held + live.sum - beforeRows, live.sum)) return true;
    }
    return false;
  }

  private rebuild(context: ElectionNightContext): Promise<LiveTotals> {
    const queued: CountedChange[] = [];
    const slot: Slot = { live: Promise.resolve(null as unknown as LiveTotals), queued, catchingUp: null };
    const settleQueued = () => {
      for (let i = 0; i < queued.length; i++) this.settle(context.electionId);
      queued.length = 0;
      slot.queued = null;
    };
    slot.live = this.repository.counted(context.electionId).then((rows) => {
      const live = LiveTotals.build(context.tree, rows);
      for (const change of queued) live.apply(change);
      settleQueued();
      return live;
    });
    slot.live.catch(() => {
      settleQueued();
      if (this.slots.get(context.electionId) === slot) this.slots.delete(context.electionId);
    });
    this.slots.set(context.electionId, slot);
    return slot.live;
  }
}
