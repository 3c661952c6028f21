import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncrementalPublication } from './incremental-publication';
import { decidePublication, type PublicationDecision, type PublicationDistrict } from './publication';
import type { QuickReport } from './quick-report.types';

// Issue 16: R8.5's decisions re-decided near the changes only must equal decidePublication on the
// whole input after every change – reports, corrections and withdrawals around the thresholds (50
// voters, 50 eligible), districts published alone, recorded partners, two kinds and two areas.

const report = (districtId: string, kind: 'polling' | 'postal', size: { A: number; B: number }): QuickReport => ({
  districtId,
  districtKind: kind,
  A: kind === 'postal' ? null : size.A,
  A1: null,
  A2: null,
  A3: null,
  B: size.B,
  B1: 0,
  contests: [],
});

const night = fc
  .record({
    kinds: fc.array(fc.constantFrom<'polling' | 'postal'>('polling', 'polling', 'postal'), { minLength: 2, maxLength: 16 }),
    parents: fc.array(fc.constantFrom('a', 'b'), { minLength: 16, maxLength: 16 }),
  })
  .chain(({ kinds, parents }) => {
    const districts: PublicationDistrict[] = kinds.map((kind, index) => ({ id: `d${index}`, kind, parent: parents[index]! }));
    const district = fc.integer({ min: 0, max: districts.length - 1 });
    const change = fc.oneof(
      fc.record({
        kind: fc.constant('report' as const),
        district,
        size: fc.option(fc.record({ A: fc.integer({ min: 0, max: 120 }), B: fc.integer({ min: 0, max: 80 }) }), { freq: 5 }),
      }),
      fc.record({ kind: fc.constant('published' as const), district }),
      fc.record({ kind: fc.constant('pair' as const), district, other: district }),
    );
    return fc.record({
      districts: fc.constant(districts),
      changes: fc.array(fc.array(change, { minLength: 1, maxLength: 4 }), { maxLength: 25 }),
    });
  });

describe('IncrementalPublication (R8.5, issue 16)', () => {
  it('should decide as decidePublication over every district after any sequence of changes', () => {
    fc.assert(
      fc.property(night, ({ districts, changes }) => {
        const reports = new Map<string, QuickReport>();
        const published = new Set<string>();
        const partners = new Map<string, string>();
        const incremental = new IncrementalPublication(districts, {
          report: (id) => reports.get(id),
          published,
          mergePartner: (id) => partners.get(id),
        });
        const full = (): Record<string, PublicationDecision> =>
          decidePublication({
            districts: districts.map((district) => ({ ...district, mergePartner: partners.get(district.id) })),
            reports: [...reports.values()],
            alreadyPublished: published,
          });
        expect(incremental.decisions).toEqual(full());
        for (const batch of changes) {
          const before = { ...incremental.decisions };
          const changed = new Set<string>();
          for (const change of batch) {
            const { id, kind } = { id: districts[change.district]!.id, kind: districts[change.district]!.kind };
            changed.add(id);
            if (change.kind === 'report') {
              if (change.size) reports.set(id, report(id, kind, change.size));
              else reports.delete(id);
            } else if (change.kind === 'published') published.add(id);
            else {
              const other = districts[change.other]!.id;
              partners.set(id, other);
              partners.set(other, id);
              changed.add(other);
            }
          }
          const decided = incremental.update(changed);
          const expected = full();
          expect(incremental.decisions).toEqual(expected);
          const moved = Object.keys(expected).filter((id) => JSON.stringify(before[id]) !== JSON.stringify(expected[id]));
          expect(new Set(decided)).toEqual(new Set(moved));
        }
      }),
      { numRuns: 400 },
    );
  });
});
