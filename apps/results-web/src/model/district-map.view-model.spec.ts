import { describe, expect, it } from 'vitest';
import { NBSP } from '@wahl/web-kit';
import { MUSTERSTADT_SNAPSHOT } from './__fixtures__/musterstadt-snapshot.fixture';
import { buildDistrictMap, pathBounds } from './district-map.view-model';

// The worked example's districts 0101 (counted: CDU 290 of 813 Zweitstimmen) and 0102 (not yet)
// on a map of two squares; a third map district has no area in the election and is left out.
const MAP = {
  width: 100,
  height: 50,
  districts: [
    { number: '0101', path: 'M0 0l50 0 0 50 -50 0z' },
    { number: '0102', path: 'M50 0l50 0 0 50 -50 0z' },
    { number: '9999', path: 'M0 0l1 0 0 1z' },
  ],
};

describe('buildDistrictMap (public map view model)', () => {
  it('should colour a counted district by its strongest list and name it in words, a missing one as not reported', () => {
    const model = buildDistrictMap(MUSTERSTADT_SNAPSHOT, MAP, 'zweitstimme', { kind: 'winner' });
    expect(model.districts.map((d) => [d.number, d.fill, d.label])).toEqual([
      ['0101', '#000000', `Wahlbezirk 0101 Altstadt: stärkste Kraft CDU 35,7${NBSP}%`],
      ['0102', '#eef1f4', 'Wahlbezirk 0102 Neustadt: noch nicht gemeldet'],
    ]);
    expect(model.districts[0]!.href).toBe('/wahl/e2025/gebiet/d0101?stimme=zweitstimme');
    expect(model.legend.map((entry) => entry.text)).toEqual(['CDU', 'noch nicht gemeldet', 'nicht einzeln veröffentlicht (Wahlgeheimnis)']);
    expect(model.caption).toBe('Karte der Wahlbezirke: stärkste Kraft (Zweitstimme)');
  });

  it('should class a list share and show a withheld district without figures (R8.5)', () => {
    const withheld = {
      ...MUSTERSTADT_SNAPSHOT,
      results: MUSTERSTADT_SNAPSHOT.results.map((result) =>
        result.areaId === 'd0102' ? { ...result, reported: 1, publication: { kind: 'withheld' as const } } : result,
      ),
    };
    const model = buildDistrictMap(withheld, MAP, 'zweitstimme', { kind: 'share', listId: 'spd' });
    expect(model.districts.map((d) => [d.valueText, d.withheld])).toEqual([
      [`27,1${NBSP}%`, false],
      ['nicht einzeln veröffentlicht', true],
    ]);
    expect(model.districts[1]!.label).not.toMatch(/\d+,\d/);
    expect(model.legend).toHaveLength(7);
  });

  it('should draw a Stadtteil with its own districts only, fitted to them', () => {
    // 0101 lies in the Stadtteil "Mitte", 0102 directly in the town.
    const withQuarter = {
      ...MUSTERSTADT_SNAPSHOT,
      areas: MUSTERSTADT_SNAPSHOT.areas
        .map((area) => (area.id === 'd0101' ? { ...area, parentId: 'mitte' } : area))
        .concat({
          id: 'mitte',
          parentId: 'musterstadt',
          level: 'stadtteil',
          number: '1',
          name: 'Mitte',
        }),
    };
    const whole = buildDistrictMap(withQuarter, MAP, 'zweitstimme', { kind: 'winner' });
    expect(whole.viewBox).toBe('0 0 100 50');
    const quarter = buildDistrictMap(withQuarter, MAP, 'zweitstimme', { kind: 'winner' }, 'mitte');
    expect(quarter.districts.map((district) => district.number)).toEqual(['0101']);
    // The 50 × 50 square of 0101 with a margin of 3 % of its size (1.5) on each side, rounded outwards.
    expect(quarter.viewBox).toBe('-2 -2 54 54');
  });

  it('should find the box of relative sub-paths, several per district', () => {
    expect(pathBounds(['M10 20l5 0 0 -30 -5 0z', 'M-4 0l1 1 1 -1z'])).toEqual({ minX: -4, minY: -10, maxX: 15, maxY: 20 });
    expect(pathBounds([])).toBeNull();
  });
});
