import { applyReport, recount, type AggregationState, type IndexedResultTree, type QuickReport } from '@wahl/domain';
import type { CountedChange } from '../quick-reports/quick-reports.events';

// The running totals of one election in memory. Each counted version carries a per-district
// revision (stored with the district's state, +1 whenever its counted version changes), so the
// owner can tell whether the memory still equals the database: equal revision sums, with every
// district's revision in memory ≤ its revision in the database, mean equal states. Each change
// carries the district's whole counted report, so a newer revision replaces an older one whatever
// lay between (another process's changes caught up with `catchUp`).

export type { CountedChange };

export type CountedRow = {
  readonly districtId: string;
  readonly revision: number;
  readonly report: QuickReport | null;
  /** The row's counted_seq: its place in the order of counted changes. */
  readonly seq: number;
};

// Enough catch-ups back that a report still committing at the oldest has committed since.
const MARKS_KEPT = 16;

export class LiveTotals {
  private readonly revisions = new Map<string, number>();
  private readonly counted = new Map<string, QuickReport>();
  private revisionSum = 0;
  private seqMark = 0;
  /** The marks held before the last catch-ups, oldest first (`lookback`). */
  private readonly earlierMarks: number[] = [];
  /**
   * The districts whose counts moved, one entry per applied change, in order: a reader that keeps
   * its position (and this instance) learns what changed since, without comparing every district.
   */
  readonly journal: string[] = [];
  /** Set when a change could not be applied; the owner rebuilds before the next read. */
  stale = false;

  private constructor(readonly state: AggregationState) {}

  /** A full recount of the rows (one snapshot of the database). */
  static build(tree: IndexedResultTree, rows: readonly CountedRow[]): LiveTotals {
    const reports = rows.flatMap((row) => (row.report ? [row.report] : []));
    const state = recount(tree, reports);
    if (!state.ok) throw new Error(`recount failed: ${state.error.message}`);
    const live = new LiveTotals(state.value);
    for (const row of rows) {
      live.revisions.set(row.districtId, row.revision);
      live.revisionSum += row.revision;
      live.seqMark = Math.max(live.seqMark, row.seq);
      if (row.report) live.counted.set(row.districtId, row.report);
    }
    return live;
  }

  get sum(): number {
    return this.revisionSum;
  }

  /** The highest counted_seq applied: rows past it may hold changes this state lacks. */
  get mark(): number {
    return this.seqMark;
  }

  /**
   * Where to read from when the rows past `mark` do not explain the database's sum: a counted_seq
   * is taken at the UPDATE, so a row below the mark may have committed after a later one was read.
   * Such a row lies past an earlier mark (if it was still committing then) or past 0. Rows read again
   * are skipped by their revision.
   */
  get lookback(): number[] {
    return [...new Set([this.earlierMarks[0] ?? 0, 0])];
  }

  /** Applies rows read past a mark (another process's changes) as ordinary changes; false if one did not fit. */
  catchUp(rows: readonly CountedRow[]): boolean {
    if (rows.length > 0 && this.earlierMarks.at(-1) !== this.seqMark) {
      this.earlierMarks.push(this.seqMark);
      if (this.earlierMarks.length > MARKS_KEPT) this.earlierMarks.shift();
    }
    let fits = true;
    for (const row of rows) {
      fits = this.apply({ districtId: row.districtId, revision: row.revision, next: row.report }) && fits;
      this.seqMark = Math.max(this.seqMark, row.seq);
    }
    return fits;
  }

  revisionOf(districtId: string): number {
    return this.revisions.get(districtId) ?? 0;
  }

  /** Applies a committed change in O(depth × lists) (applyReport); false if it does not fit this state. */
  apply(change: CountedChange): boolean {
    const held = this.revisionOf(change.districtId);
    if (change.revision <= held) return true; // already contained (a rebuild's snapshot, a catch-up)
    const applied = applyReport(this.state, change.districtId, this.counted.get(change.districtId) ?? null, change.next);
    if (!applied.ok) {
      this.stale = true;
      return false;
    }
    this.revisions.set(change.districtId, change.revision);
    this.revisionSum += change.revision - held;
    this.journal.push(change.districtId);
    if (change.next) this.counted.set(change.districtId, change.next);
    else this.counted.delete(change.districtId);
    return true;
  }
}
