import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivable, inSpanOf } from '../../test-support/release-rank';
import { PublicationLog, ReleaseSpan } from './differencing';
import type { Fraction } from '../seat-allocation/seat-allocation.types';

// R8.7: the indexed span (column index, trials undone from a log) must answer exactly like the
// independent dense rank test over every released member set.
const UNITS = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6'];
const ONE: Fraction = { numerator: 1n, denominator: 1n };
const membersOf = (mask: number): Set<string> => new Set(UNITS.filter((_, index) => (mask >> index) & 1));
const vectorOf = (members: ReadonlySet<string>): Map<string, Fraction> => new Map([...members].map((unit) => [unit, ONE]));
const newlyDerivable = (releases: readonly ReadonlySet<string>[], added: readonly ReadonlySet<string>[]): string[] =>
  UNITS.filter((unit) => !derivable(UNITS, releases, unit) && derivable(UNITS, [...releases, ...added], unit));

const mask = fc.nat({ max: 2 ** UNITS.length - 1 });

describe('ReleaseSpan with a column index (R8.7, issue 16)', () => {
  const expectSpanOf = (span: ReleaseSpan, releases: readonly ReadonlySet<string>[]): void => {
    for (const unit of UNITS) {
      const isDerivable = derivable(UNITS, releases, unit);
      expect(span.isDerivable(unit)).toBe(isDerivable);
      // A row holds a district exactly when it is not derivable and some released vector has it.
      expect(span.mentions(unit)).toBe(!isDerivable && releases.some((members) => members.has(unit)));
    }
  };

  it('should answer isDerivable, mentions, insert and probe like the independent rank test, and a probe changes nothing', () => {
    const step = fc.record({ masks: fc.array(mask, { minLength: 1, maxLength: 3 }), probe: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 16 }), (steps) => {
        const span = new ReleaseSpan();
        const releases: ReadonlySet<string>[] = [];
        for (const { masks, probe } of steps) {
          const added = masks.map(membersOf);
          const expected = newlyDerivable(releases, added);
          if (probe) {
            expect(span.probe(added.map(vectorOf)).sort()).toEqual(expected);
          } else {
            expect(added.flatMap((members) => span.insert(vectorOf(members))).sort()).toEqual(expected);
            releases.push(...added);
          }
          expectSpanOf(span, releases);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('should answer inSpan and exposes like the independent rank test over versions of keys (differences logged)', () => {
    const step = fc.record({ key: fc.nat({ max: 2 }), members: mask, other: fc.option(mask), probe: fc.boolean(), query: mask });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 16 }), (steps) => {
        const log = PublicationLog.empty();
        const releases: ReadonlySet<string>[] = [];
        for (const { key, members, other, probe, query } of steps) {
          // A second version goes to another key: one entry per key, as a publication logs it.
          const changes = [membersOf(members), ...(other === null ? [] : [membersOf(other)])]
            .map((version, index) => ({ version, entry: log.change(`k${(key + index) % 3}`, version) }))
            .filter((change) => change.entry !== null);
          const entries = changes.map((change) => change.entry!);
          const changed = changes.map((change) => change.version);
          expect(log.exposes(entries, () => true).sort()).toEqual(newlyDerivable(releases, changed));
          if (!probe) {
            for (const entry of entries) log.replay(entry);
            releases.push(...changed);
          }
          expect(log.inSpan(membersOf(query))).toBe(inSpanOf(UNITS, releases, membersOf(query)));
          for (const unit of UNITS) expect(log.isDerivable(unit)).toBe(derivable(UNITS, releases, unit));
        }
      }),
      { numRuns: 400 },
    );
  });
});
