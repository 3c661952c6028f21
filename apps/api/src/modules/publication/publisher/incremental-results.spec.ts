import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiveTotals } from '../../aggregation/live-totals';
import { ElectionPublication } from './election-publication';
import { IncrementalRelease } from './incremental-release';
import { IncrementalResults } from './incremental-results';
import { buildPublicResults, type BuiltResult } from './public-results.builder';
import { decideRelease, emptyLedger } from './release-decisions';
import { context, source, reportOf, step } from './publisher-town.fixture';

// Issue 16: the publisher rebuilds only the paths of the districts that changed. Whatever the order
// of reports, corrections and withdrawals – small districts merged or withheld (R8.5), totals held
// back (R8.7) – every published version must be byte for byte what a full rebuild gives.
const NOTHING_STORED = { releases: [], record: [] };

const UPDATED_AT = '2025-02-23T18:00:00.000Z';
const publicationOf = (results: ReadonlyMap<string, BuiltResult>, version: number) =>
  new ElectionPublication(source.election, source.contests, source.areas, version, UPDATED_AT, results);

describe('incremental public results (issue 16)', () => {
  it('should publish byte for byte what a full rebuild gives, for any sequence of reports', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const live = LiveTotals.build(context.tree, []);
        const ledger = emptyLedger();
        const incremental = new IncrementalResults(source);
        const first = decideRelease(source, live.state, NOTHING_STORED, ledger);
        const published = publicationOf(incremental.update(live.state, live.journal, first.released).results, 0);
        incremental.sent();
        for (const { district, size, publishAfter } of steps) {
          live.apply({ districtId: district, revision: live.revisionOf(district) + 1, next: size ? reportOf(district, size) : null });
          if (!publishAfter) continue;
          const decided = decideRelease(source, live.state, NOTHING_STORED, ledger);
          const update = incremental.update(live.state, live.journal, decided.released);
          const full = buildPublicResults(source, live.state, decided.released);
          expect(new Map([...update.results].map(([id, built]) => [id, built.json]))).toEqual(
            new Map([...full].map(([id, built]) => [id, built.json])),
          );
          const fresh = new IncrementalResults(source).update(live.state, live.journal, decided.released);
          expect(update.digest).toBe(fresh.digest);
          // The delta of only the candidates brings the public state to the full rebuild's.
          const version = published.version + 1;
          const changed = published.changedAreas(update.results, update.candidates);
          expect(
            published.apply({
              electionId: 'e',
              fromVersion: published.version,
              version,
              updatedAt: UPDATED_AT,
              status: 'counting',
              results: changed,
            }),
          ).toBe(true);
          incremental.sent();
          expect(published.body().text).toBe(publicationOf(full, version).body().text);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('should build what a full rebuild gives from the incremental decisions, looking only at the districts their journal names', () => {
    // `decideOnly`: a decision no update sees (the open-data files, PublisherService.current);
    // `restart`: the decisions start over (a new list of changes).
    const stepOrDecision = fc.record({ step, decideOnly: fc.boolean(), restart: fc.boolean() });
    fc.assert(
      fc.property(fc.array(stepOrDecision, { minLength: 1, maxLength: 40 }), (steps) => {
        const live = LiveTotals.build(context.tree, []);
        const ledger = emptyLedger();
        let release = new IncrementalRelease(source);
        const incremental = new IncrementalResults(source);
        const decide = () => release.decide(live.state, live.journal, NOTHING_STORED, ledger);
        const first = decide();
        incremental.update(live.state, live.journal, first.released, first.decisionJournal);
        incremental.sent();
        for (const { step: change, decideOnly, restart } of steps) {
          const { district, size, publishAfter } = change;
          live.apply({ districtId: district, revision: live.revisionOf(district) + 1, next: size ? reportOf(district, size) : null });
          if (!publishAfter) continue;
          if (restart) release = new IncrementalRelease(source);
          const decided = decide();
          if (decideOnly) continue;
          const update = incremental.update(live.state, live.journal, decided.released, decided.decisionJournal);
          incremental.sent();
          const full = buildPublicResults(source, live.state, decided.released);
          expect(new Map([...update.results].map(([id, built]) => [id, built.json]))).toEqual(
            new Map([...full].map(([id, built]) => [id, built.json])),
          );
          expect(update.digest).toBe(new IncrementalResults(source).update(live.state, live.journal, decided.released).digest);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('should rebuild only the reporting district and the areas above it', () => {
    const live = LiveTotals.build(context.tree, []);
    const ledger = emptyLedger();
    const incremental = new IncrementalResults(source);
    const decide = () => decideRelease(source, live.state, NOTHING_STORED, ledger).released;
    incremental.update(live.state, live.journal, decide());
    incremental.sent();
    const before = new Map(incremental.update(live.state, live.journal, decide()).results);
    live.apply({ districtId: 'p7', revision: 1, next: reportOf('p7', { eligible: 900, x: 300, y: 200 }) });
    const after = incremental.update(live.state, live.journal, decide());
    expect(after.candidates).toEqual(['municipality', 's2', 'p7']);
    for (const id of ['p1', 'p8', 'b2', 's1']) expect(after.results.get(id)).toBe(before.get(id));
  });
});
