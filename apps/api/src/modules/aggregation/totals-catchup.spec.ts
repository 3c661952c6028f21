import type { EventEmitter2 } from '@nestjs/event-emitter';
import { recount, type QuickReport } from '@wahl/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { context, DISTRICTS, reportOf } from '../publication/publisher/publisher-town.fixture';
import type { CountedChange } from '../quick-reports/quick-reports.events';
import type { AggregationRepository } from './aggregation.repository';
import type { CountedRow } from './live-totals';
import { TotalsService } from './totals.service';

// Issue 16: two API processes count reports into one database; each keeps the totals in memory and
// catches up with the other's reports by reading only the rows past its counted_seq marker. Whatever
// the interleaving, its totals must equal a full recount, and its journal must name exactly the
// districts that changed.

type Row = { revision: number; report: QuickReport | null; seq: number };

/** election_night_districts of election `e`: a row lock per district, counted_seq taken at the UPDATE. */
class FakeDatabase {
  readonly committed = new Map<string, Row>();
  readonly open = new Map<string, { owner: number; row: Row }>();
  private lastSeq = 0;

  /** Locks and updates the district's row; null when another transaction holds it or nothing would change. */
  update(owner: number, districtId: string, next: QuickReport | null): Row | null {
    const held = this.committed.get(districtId);
    if (this.open.has(districtId) || (!next && !held?.report)) return null;
    const row = { revision: (held?.revision ?? 0) + 1, report: next, seq: ++this.lastSeq };
    this.open.set(districtId, { owner, row });
    return row;
  }

  commit(districtId: string): { owner: number; change: CountedChange } {
    const { owner, row } = this.open.get(districtId)!;
    this.open.delete(districtId);
    this.committed.set(districtId, row);
    return { owner, change: { districtId, revision: row.revision, next: row.report } };
  }

  rows(afterSeq = -1): CountedRow[] {
    return [...this.committed]
      .filter(([, row]) => row.revision > 0 && row.seq > afterSeq)
      .map(([districtId, row]) => ({ districtId, ...row }))
      .sort((left, right) => left.seq - right.seq);
  }

  get sum(): number {
    return [...this.committed.values()].reduce((sum, row) => sum + row.revision, 0);
  }
}

/** The repository's reads on the fake, each taking its snapshot after `pause()` (other work may run meanwhile). */
class FakeRepository {
  readonly calls = { counted: 0, countedSince: 0 };

  constructor(
    private readonly db: FakeDatabase,
    private readonly pause: () => Promise<void> = () => Promise.resolve(),
  ) {}

  async revisionSum(): Promise<number> {
    await this.pause();
    return this.db.sum;
  }

  async counted(): Promise<CountedRow[]> {
    this.calls.counted++;
    await this.pause();
    const rows = this.db.rows();
    await this.pause();
    return rows;
  }

  async countedSince(_electionId: string, afterSeq: number): Promise<{ rows: CountedRow[]; sum: number }> {
    this.calls.countedSince++;
    await this.pause();
    const snapshot = { rows: this.db.rows(afterSeq), sum: this.db.sum };
    await this.pause();
    return snapshot;
  }
}

const NO_EVENTS = { emit: () => true } as unknown as EventEmitter2;

function processOn(db: FakeDatabase, pause?: () => Promise<void>) {
  const repository = new FakeRepository(db, pause);
  const service = new TotalsService(repository as unknown as AggregationRepository, NO_EVENTS);
  return { repository, service };
}

/** A process's confirmation: announce, update, commit; the event comes after the commit. */
function count(db: FakeDatabase, owner: number, service: TotalsService, districtId: string, next: QuickReport | null): void {
  service.beginCounting('e');
  if (!db.update(owner, districtId, next)) return service.cancelCounting('e');
  service.onCounted({ context, change: db.commit(districtId).change });
}

function recounted(db: FakeDatabase) {
  const reports = db.rows().flatMap((row) => (row.report ? [row.report] : []));
  const state = recount(context.tree, reports);
  if (!state.ok) throw new Error(state.error.message);
  return state.value.totals;
}

const settled = () => new Promise<void>((resolve) => setImmediate(resolve));
const SIZE = { eligible: 120, x: 40, y: 30 };

describe('totals catching up with another API process (issue 16)', () => {
  it("should apply the other process's report to the same state, its journal naming only that district", async () => {
    const db = new FakeDatabase();
    const a = processOn(db);
    const b = processOn(db);
    count(db, 1, b.service, 'p2', reportOf('p2', SIZE));
    const before = await a.service.journaled(context);
    const position = before.journal.length;

    count(db, 1, b.service, 'p1', reportOf('p1', SIZE));
    count(db, 1, b.service, 'p2', null);
    const after = await a.service.journaled(context);

    expect(after.state).toBe(before.state);
    expect(after.journal.slice(position)).toEqual(['p1', 'p2']);
    expect(after.state.totals).toEqual(recounted(db));
    expect(a.repository.calls).toEqual({ counted: 1, countedSince: 1 });
  });

  it('should catch up from an earlier marker when a lower marker commits after a higher one was read', async () => {
    const db = new FakeDatabase();
    const a = processOn(db);
    const before = await a.service.journaled(context);
    const position = before.journal.length;
    db.update(2, 'p1', reportOf('p1', SIZE)); // seq 1, still committing
    db.update(2, 'p2', reportOf('p2', SIZE)); // seq 2
    db.commit('p2');
    expect((await a.service.journaled(context)).state).toBe(before.state);
    db.commit('p1'); // below the marker A holds now

    const after = await a.service.journaled(context);

    expect(after.state).toBe(before.state);
    expect(after.journal.slice(position)).toEqual(['p2', 'p1']);
    expect(after.state.totals).toEqual(recounted(db));
    // The second read past marker 2 finds nothing; the third reads past the marker before it (0).
    expect(a.repository.calls).toEqual({ counted: 1, countedSince: 3 });
  });

  it('should rebuild when the counted revisions went back (the rehearsal reset)', async () => {
    const db = new FakeDatabase();
    const a = processOn(db);
    count(db, 1, a.service, 'p1', reportOf('p1', SIZE));
    const before = await a.service.journaled(context);
    db.committed.clear();

    const after = await a.service.journaled(context);

    expect(after.state).not.toBe(before.state);
    expect(after.state.totals).toEqual(recounted(db));
  });

  const action = fc.record({
    kind: fc.constantFrom('update', 'update', 'commit', 'commit', 'cancel', 'deliver', 'read'),
    process: fc.constantFrom(0, 1),
    district: fc.constantFrom(...DISTRICTS),
    size: fc.option(
      fc.record({ eligible: fc.integer({ min: 10, max: 200 }), x: fc.integer({ min: 0, max: 60 }), y: fc.integer({ min: 0, max: 60 }) }),
      {
        freq: 5,
      },
    ),
    ticks: fc.integer({ min: 0, max: 16 }),
  });

  it('should equal a full recount after any interleaving of both processes, the journal naming exactly the changed districts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 20, maxLength: 80 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1 }),
        async (actions, pauses) => {
          let next = 0;
          const pause = async () => {
            for (let i = pauses[next++ % pauses.length]!; i > 0; i--) await Promise.resolve();
          };
          const db = new FakeDatabase();
          const processes = [processOn(db, pause), processOn(db, pause)];
          const undelivered: { owner: number; change: CountedChange }[] = [];
          const reads: Promise<unknown>[] = [];
          const deliver = ({ owner, change }: { owner: number; change: CountedChange }) =>
            processes[owner]!.service.onCounted({ context, change });

          const start = await Promise.all(processes.map(({ service }) => service.journaled(context)));
          const positions = start.map(({ journal }) => journal.length);
          const startRevisions = new Map(db.rows().map((row) => [row.districtId, row.revision]));

          for (const { kind, process, district, size, ticks } of actions) {
            const { service } = processes[process]!;
            const open = db.open.get(district);
            if (kind === 'update') {
              service.beginCounting('e');
              if (!db.update(process, district, size ? reportOf(district, size) : null)) service.cancelCounting('e');
            } else if (kind === 'commit' && open) undelivered.push(db.commit(district));
            else if (kind === 'cancel' && open) {
              db.open.delete(district);
              processes[open.owner]!.service.cancelCounting('e');
            } else if (kind === 'deliver' && undelivered.length > 0)
              deliver(undelivered.splice(district.length % undelivered.length, 1)[0]!);
            else if (kind === 'read') reads.push(service.journaled(context));
            for (let i = 0; i < ticks; i++) await Promise.resolve();
          }
          for (const districtId of [...db.open.keys()]) undelivered.push(db.commit(districtId));
          undelivered.splice(0).forEach(deliver);
          await Promise.all(reads);
          await settled();

          const changed = new Set(
            db.rows().flatMap((row) => (row.revision !== startRevisions.get(row.districtId) ? [row.districtId] : [])),
          );
          for (const [index, { service }] of processes.entries()) {
            const end = await service.journaled(context);
            expect(end.state.totals).toEqual(recounted(db));
            if (end.state === start[index]!.state) expect(new Set(end.journal.slice(positions[index]))).toEqual(changed);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
