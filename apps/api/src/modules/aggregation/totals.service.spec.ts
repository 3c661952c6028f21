import { EventEmitter2 } from '@nestjs/event-emitter';
import { areaTotals } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { context, reportOf } from '../publication/publisher/publisher-town.fixture';
import { ReportCounted } from '../quick-reports/quick-reports.events';
import type { AggregationRepository } from './aggregation.repository';
import type { CountedRow } from './live-totals';
import { TotalsService } from './totals.service';

// The database as the totals see it: the counted rows, the revision sum and the rows past a counted
// sequence; a sum query can be held open so that a commit and its event fall into the time the query runs.
class FakeDatabase {
  rows: CountedRow[] = [];
  countedCalls = 0;
  countedSinceCalls = 0;
  holdNext = false;
  private held: ((sum: number) => void) | null = null;
  private heldSum = 0;

  readonly repository = {
    counted: () => {
      this.countedCalls += 1;
      return Promise.resolve([...this.rows]);
    },
    countedSince: (_electionId: string, afterSeq: number) => {
      this.countedSinceCalls += 1;
      return Promise.resolve({ rows: this.rows.filter((row) => row.seq > afterSeq), sum: this.sum() });
    },
    revisionSum: () => {
      const sum = this.sum();
      if (!this.holdNext) return Promise.resolve(sum);
      this.holdNext = false;
      this.heldSum = sum;
      return new Promise<number>((resolve) => (this.held = resolve));
    },
  } as unknown as AggregationRepository;

  sum(): number {
    return this.rows.reduce((total, row) => total + row.revision, 0);
  }

  release(): void {
    this.held?.(this.heldSum);
  }
}

const settle = () => new Promise((done) => setImmediate(done));
const P1 = reportOf('p1', { eligible: 400, x: 180, y: 120 });

describe('TotalsService', () => {
  it('should keep its state when its own report is applied while the revision sum is read (no recount)', async () => {
    const database = new FakeDatabase();
    const totals = new TotalsService(database.repository, new EventEmitter2());
    const before = await totals.state(context);
    expect(database.countedCalls).toBe(1);

    // The sum query takes its snapshot (0), then this process commits p1 and applies it in memory.
    database.holdNext = true;
    const reading = totals.state(context);
    await settle();
    totals.beginCounting('e');
    database.rows = [{ districtId: 'p1', revision: 1, seq: 1, report: P1 }];
    totals.onCounted(new ReportCounted(context, { districtId: 'p1', revision: 1, next: P1 }));
    await settle();
    database.release();
    const after = await reading;

    expect(after).toBe(before);
    expect(database.countedCalls).toBe(1);
    expect(areaTotals(after, 'p1')?.B).toBe(300);
  });

  it('should catch up without a recount when the database holds a report another process counted', async () => {
    const database = new FakeDatabase();
    const totals = new TotalsService(database.repository, new EventEmitter2());
    const before = await totals.state(context);
    database.rows = [{ districtId: 'p1', revision: 1, seq: 1, report: P1 }];

    const after = await totals.state(context);

    expect(after).toBe(before);
    expect(database.countedCalls).toBe(1);
    expect(database.countedSinceCalls).toBe(1);
    expect(areaTotals(after, 'p1')?.B).toBe(300);
  });
});
