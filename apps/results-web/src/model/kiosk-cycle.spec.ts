import { describe, expect, it } from 'vitest';
import { MUSTERSTADT_SNAPSHOT, MUSTERSTADT_WAITING } from './__fixtures__/musterstadt-snapshot.fixture';
import { WAHLKREIS_SNAPSHOT } from './__fixtures__/wahlkreis-snapshot.fixture';
import { kioskAreas, nextKioskArea, previousKioskArea } from './kiosk-cycle';

describe('kioskAreas', () => {
  it('should cycle through the whole and the reported districts of a municipality without other levels', () => {
    // 0101 and 0191 have reported, 0102 not.
    expect(kioskAreas(MUSTERSTADT_SNAPSHOT)).toEqual(['musterstadt', 'd0101', 'd0191']);
    expect(kioskAreas(MUSTERSTADT_WAITING)).toEqual(['musterstadt']);
  });

  it('should skip a constituency around one municipality and leave withheld and missing districts out', () => {
    // k0104 is withheld (R8.5), k0105 has not reported.
    expect(kioskAreas(WAHLKREIS_SNAPSHOT)).toEqual(['ka', 'k0101', 'k0102', 'k0103']);
  });

  it('should cycle through the aggregate areas of a deeper tree and leave the districts out', () => {
    const twoTowns = {
      ...WAHLKREIS_SNAPSHOT,
      areas: [
        ...WAHLKREIS_SNAPSHOT.areas,
        { id: 'du', parentId: 'wk271', level: 'municipality' as const, number: '08215017', name: 'Durlach' },
      ],
    };
    expect(kioskAreas(twoTowns)).toEqual(['wk271', 'ka', 'du']);
  });
});

describe('nextKioskArea / previousKioskArea', () => {
  it('should go round and start again where the current area left the cycle', () => {
    const cycle = ['m', 'a', 'b'];
    expect(nextKioskArea(cycle, null)).toBe('m');
    expect(nextKioskArea(cycle, 'a')).toBe('b');
    expect(nextKioskArea(cycle, 'b')).toBe('m');
    expect(nextKioskArea(cycle, 'gone')).toBe('m');
    expect(previousKioskArea(cycle, 'm')).toBe('b');
    expect(previousKioskArea(cycle, 'b')).toBe('a');
    expect(nextKioskArea([], 'a')).toBeNull();
  });
});

describe("kioskAreas of the root's view (a large election, issue 16)", () => {
  it('should cycle through the root and its children', () => {
    const rootView = {
      ...WAHLKREIS_SNAPSHOT,
      areas: [
        ...WAHLKREIS_SNAPSHOT.areas.filter((area) => area.level !== 'district'),
        { id: 'du', parentId: 'wk271', level: 'municipality' as const, number: '08215017', name: 'Durlach' },
      ],
    };
    expect(kioskAreas(rootView)).toEqual(['wk271', 'ka', 'du']);
  });
});
