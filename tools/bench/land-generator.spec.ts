import { validateElectionDefinition } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { generateLand, SIZE_CLASSES, WAHLKREISE } from './land-generator';
import { minuteOfQuantile, nightSchedule } from './night-curve';

const land = generateLand();
const { election } = land;

describe('generateLand', () => {
  it('should be the same Land on every run and another one for another seed', () => {
    expect(JSON.stringify(generateLand().election)).toBe(JSON.stringify(election));
    expect(generateLand(7).municipalities.map((m) => m.districts)).not.toEqual(land.municipalities.map((m) => m.districts));
  });

  it('should make 1,100 municipalities and about 10,000 districts that pass the import rules', () => {
    expect(land.municipalities).toHaveLength(1100);
    expect(election.districts.length).toBeGreaterThan(9_500);
    expect(election.districts.length).toBeLessThan(10_500);
    expect(land.municipalities.reduce((sum, m) => sum + m.districts, 0)).toBe(election.districts.length);
    const validated = validateElectionDefinition(election);
    expect(validated.ok ? [] : validated.error.slice(0, 3)).toEqual([]);
  });

  it('should draw each municipality within its documented size class', () => {
    for (const sizeClass of SIZE_CLASSES) {
      const members = land.municipalities.filter((m) => m.sizeClass === sizeClass.name);
      expect(members).toHaveLength(sizeClass.count);
      for (const m of members) expect([m.name, m.districts >= sizeClass.min && m.districts <= sizeClass.max]).toEqual([m.name, true]);
    }
  });

  it('should cut 70 non-empty Wahlkreise: big cities split into several, many small municipalities in one', () => {
    expect(land.wahlkreise).toHaveLength(WAHLKREISE);
    for (const wahlkreis of land.wahlkreise) expect([wahlkreis.key, wahlkreis.districts > 0]).toEqual([wahlkreis.key, true]);
    expect(land.wahlkreise.reduce((sum, w) => sum + w.districts, 0)).toBe(election.districts.length);
    const split = land.municipalities.filter((m) => m.wahlkreise.length > 1);
    expect(split.length).toBeGreaterThan(0);
    expect(split.every((m) => m.sizeClass === 'city')).toBe(true);
    const municipalitiesPerWahlkreis = new Map<string, number>();
    for (const m of land.municipalities)
      for (const key of m.wahlkreise) municipalitiesPerWahlkreis.set(key, (municipalitiesPerWahlkreis.get(key) ?? 0) + 1);
    expect(Math.max(...municipalitiesPerWahlkreis.values())).toBeGreaterThan(10);
  });

  it('should place every district two levels below the Land: municipality in Wahlkreis, or Wahlkreis in split city', () => {
    const parentOf = new Map(election.areas!.map((area) => [area.key, area.parent]));
    const depth = (key: string): number => (parentOf.get(key) === undefined ? 1 : 1 + depth(parentOf.get(key)!));
    for (const district of election.districts) expect(depth(district.area!)).toBe(2);
  });
});

describe('night curve', () => {
  it('should bring 4 % by 18:45, 86 % by 20:30 and all by 22:00', () => {
    expect(minuteOfQuantile(0.04)).toBeCloseTo(45);
    expect(minuteOfQuantile(0.86)).toBeCloseTo(150);
    expect(minuteOfQuantile(1)).toBeCloseTo(240);
    // 18:45 to 19:30 holds 36 % in 45 minutes: 0.8 % a minute, twice the mean rate of 0.42 %.
    expect(minuteOfQuantile(0.22) - minuteOfQuantile(0.04)).toBeCloseTo(22.5);
  });

  it('should compress the night into the wall time, in order', () => {
    const schedule = nightSchedule(1000, 120_000);
    expect(schedule[0]).toBeGreaterThan(0);
    expect(schedule.at(-1)).toBeLessThan(120_000);
    expect(schedule.every((at, i) => i === 0 || at >= schedule[i - 1]!)).toBe(true);
    expect(schedule.filter((at) => at >= (45 / 240) * 120_000 && at < (150 / 240) * 120_000)).toHaveLength(820);
  });
});
