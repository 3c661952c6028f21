import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PublicationLog } from '../results/differencing';
import { chooseTurnoutRelease, isSmallStation, type StationTurnout } from './turnout-release';

// DOMAIN.md R8.7's example turned into a turnout day: 0101 has 45 eligible voters (withheld under
// R8.5), 0102 and 0103 are large; "bis 14 Uhr" is published first with 0102 + 0103 reported.
const s0101: StationTurnout = { districtId: '0101', voters: 20, eligible: 45 };
const s0102: StationTurnout = { districtId: '0102', voters: 310, eligible: 1100 };
const s0103: StationTurnout = { districtId: '0103', voters: 402, eligible: 1300 };
const s0104: StationTurnout = { districtId: '0104', voters: 280, eligible: 900 };

describe('turnout releases through R8.7', () => {
  it('should call a station small below the R8.5 thresholds of eligible voters or voters so far', () => {
    expect(isSmallStation(s0101)).toBe(true);
    expect(isSmallStation({ districtId: 'x', voters: 49, eligible: 800 })).toBe(true);
    expect(isSmallStation({ districtId: 'x', voters: 50, eligible: null })).toBe(false);
    expect(isSmallStation(s0102)).toBe(false);
  });

  it('should hold back the small station that alone would make the difference between two versions, and take it with the next station', () => {
    // 14:00, first version: the two large stations.
    expect(chooseTurnoutRelease([], [s0102, s0103])).toEqual({ members: ['0102', '0103'], heldBack: [] });
    // 0101 reports: "3 of 3" minus "2 of 3" would be 0101's 20 voters of 45 – held, the published figure stays.
    expect(chooseTurnoutRelease([['0102', '0103']], [s0102, s0103, s0101])).toEqual({ members: ['0102', '0103'], heldBack: ['0101'] });
    // 0104 reports as well: the increment is 0101 + 0104 (300 voters), from which neither can be told.
    expect(chooseTurnoutRelease([['0102', '0103']], [s0102, s0103, s0101, s0104])).toEqual({
      members: ['0102', '0103', '0101', '0104'],
      heldBack: [],
    });
  });

  it('should publish nothing while the only reporting station is small', () => {
    expect(chooseTurnoutRelease([], [s0101])).toEqual({ members: [], heldBack: ['0101'] });
  });

  it('should never let a small station be derived from all versions of a report time, whatever the order of reports', () => {
    const scenario = fc.record({
      stations: fc.array(fc.record({ voters: fc.integer({ min: 0, max: 400 }), eligible: fc.integer({ min: 1, max: 1500 }) }), {
        minLength: 1,
        maxLength: 9,
      }),
      // How many new stations have reported before each publishing.
      batches: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 9 }),
    });
    fc.assert(
      fc.property(scenario, ({ stations, batches }) => {
        const all = stations.map((station, index): StationTurnout => ({ districtId: `d${index}`, ...station }));
        const versions: string[][] = [];
        let reported = 0;
        for (const batch of batches) {
          reported = Math.min(all.length, reported + batch);
          const { members, heldBack } = chooseTurnoutRelease(versions, all.slice(0, reported));
          expect([...members, ...heldBack].sort()).toEqual(
            all
              .slice(0, reported)
              .map((station) => station.districtId)
              .sort(),
          );
          if (members.join() !== versions.at(-1)?.join() && members.length > 0) versions.push([...members]);
        }
        const log = PublicationLog.empty();
        for (const members of versions) {
          const entry = log.change('turnout', members);
          if (entry) log.replay(entry);
        }
        for (const station of all) if (isSmallStation(station)) expect(log.isDerivable(station.districtId)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
