import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ElectionKind } from '../election/election-definition.types';
import { addDays } from '../election/iso-date';
import { decideRollEntry, ELIGIBILITY_RULES, type EligibilityResident } from './eligibility';
import { createRollEntryDecider, latestStartCompletedBy } from './roll-entry-decider';

const KINDS = Object.keys(ELIGIBILITY_RULES) as ElectionKind[];

describe('latestStartCompletedBy', () => {
  it('should give the edge days of R1.5 and R1.6', () => {
    // Born 2007-02-23 is 18 on 2025-02-23, born a day later is not (DOMAIN R1.5, checklist 2).
    expect(latestStartCompletedBy('2025-02-23', 18 * 12)).toBe('2007-02-23');
    expect(latestStartCompletedBy('2024-06-09', 16 * 12)).toBe('2008-06-09');
    // Moved in 2024-11-23: three months completed on 2025-02-23 (R1.6).
    expect(latestStartCompletedBy('2025-02-23', 3)).toBe('2024-11-23');
    // 31 Aug + 3 months ends with 30 Nov, so it has run on 1 Dec; on 30 Nov only 30 Aug counts.
    expect(latestStartCompletedBy('2025-11-30', 3)).toBe('2025-08-30');
    expect(latestStartCompletedBy('2025-12-01', 3)).toBe('2025-09-01');
    // Born 29 Feb 2008: 18 only on 1 March 2026 (BGB § 188(3)).
    expect(latestStartCompletedBy('2026-02-28', 18 * 12)).toBe('2008-02-28');
    expect(latestStartCompletedBy('2026-03-01', 18 * 12)).toBe('2008-03-01');
  });
});

describe('createRollEntryDecider', () => {
  const day = (from: string, span: number) => fc.integer({ min: -span, max: span }).map((offset) => addDays(from, offset));

  it('should decide every resident exactly like decideRollEntry (property)', () => {
    const scenario = fc
      .record({
        kind: fc.constantFrom(...KINDS),
        electionDay: day('2026-06-14', 900),
        cutoffOffset: fc.constantFrom(0, 35, 42),
      })
      .chain(({ kind, electionDay, cutoffOffset }) => {
        const { minAge, residenceMonths } = ELIGIBILITY_RULES[kind];
        const ageEdge = latestStartCompletedBy(electionDay, minAge * 12);
        const residenceEdge = latestStartCompletedBy(electionDay, residenceMonths);
        const birth = fc.oneof(day(ageEdge, 3), day('1980-02-29', 20000), fc.constantFrom('2008-02-29', '2004-02-29', '2010-03-01'));
        const moved = fc.oneof(
          fc.constant(null),
          day(residenceEdge, 3),
          day(addDays(electionDay, -cutoffOffset), 3),
          day('2000-01-01', 9000),
        );
        const resident = fc.record({
          birthDate: birth,
          nationalities: fc.subarray(['DE', 'FR', 'TR', 'PL', 'US', 'IT']),
          dwellingStatus: fc.constantFrom('H', 'N') as fc.Arbitrary<'H' | 'N'>,
          moveInDate: moved,
          arrivedFromAbroad: moved,
          excludedFromVoting: fc.boolean(),
          euElectionEntryOnRecord: fc.boolean(),
        });
        return fc.record({
          kind: fc.constant(kind),
          electionDay: fc.constant(electionDay),
          cutoffDay: fc.constant(addDays(electionDay, -cutoffOffset)),
          residents: fc.array(resident, { maxLength: 40 }),
        });
      });
    fc.assert(
      fc.property(scenario, ({ kind, electionDay, cutoffDay, residents }) => {
        const decide = createRollEntryDecider(kind, electionDay, cutoffDay);
        for (const resident of residents as EligibilityResident[]) {
          expect(decide(resident)).toEqual(decideRollEntry(resident, kind, electionDay, cutoffDay));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('should refuse a cut-off day after election day, like decideRollEntry', () => {
    expect(() => createRollEntryDecider('bundestag', '2025-02-23', '2025-02-24')).toThrow(RangeError);
  });
});
