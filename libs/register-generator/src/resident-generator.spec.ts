import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createStreetIndex, parseRegisterHeader, parseRegisterLine, type ElectionDefinition } from '@wahl/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { pyramidShare } from './age-pyramid';
import { ageOn } from './civil-date';
import { FOREIGN_NATIONALITIES } from './nationalities';
import { REGISTER_HEADER, formatRegisterLine } from './register-csv';
import { generateResidents, registerDates, unmatchedHouseholds, type Resident } from './resident-generator';

const demo = JSON.parse(readFileSync(resolve(__dirname, '../../../examples/demo-election.json'), 'utf8')) as ElectionDefinition;
const dates = registerDates(demo);

function csvOf(residents: number, seed: string): string {
  const lines = [REGISTER_HEADER];
  for (const r of generateResidents(demo, { residents, seed })) lines.push(formatRegisterLine(r));
  return lines.join('\n') + '\n';
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('unmatchedHouseholds', () => {
  it('should keep a handful: one per 10,000 residents, at least 3, one in tiny runs', () => {
    expect([0, 5, 999, 2000, 20_000, 50_000, 1_000_000].map(unmatchedHouseholds)).toEqual([0, 1, 1, 2, 3, 5, 100]);
  });
});

describe('generateResidents: determinism', () => {
  it('should produce the same bytes for the same seed', () => {
    expect(sha256(csvOf(3000, 'same'))).toBe(sha256(csvOf(3000, 'same')));
  });

  it('should produce other residents for another seed', () => {
    expect(sha256(csvOf(3000, 'same'))).not.toBe(sha256(csvOf(3000, 'other')));
  });

  it('should produce exactly the requested number of residents, with unique ids', () => {
    for (const n of [0, 1, 7, 1000]) {
      const ids = [...generateResidents(demo, { residents: n, seed: 'count' })].map((r) => r.personId);
      expect(ids).toHaveLength(n);
      expect(new Set(ids).size).toBe(n);
    }
  });
});

describe('generateResidents: 20,000 residents of the demo town', () => {
  const n = 20_000;
  let residents: Resident[];
  const share = (test: (r: Resident) => boolean): number => residents.filter(test).length / n;
  const age = (r: Resident): number => ageOn(r.birthDay, dates.electionDay);
  const isForeign = (r: Resident): boolean => !r.nationalities.includes('DE');

  beforeAll(() => {
    residents = [...generateResidents(demo, { residents: n, seed: 'distribution' })];
  });

  it('should follow the German age pyramid, children included', () => {
    // Within 2 percentage points of Germany's shares (16.7 % minors, 22.6 % aged 65 and over).
    expect(Math.abs(share((r) => age(r) < 18) - pyramidShare(0, 17))).toBeLessThan(0.02);
    expect(Math.abs(share((r) => age(r) >= 65) - pyramidShare(65, 99))).toBeLessThan(0.02);
    expect(Math.min(...residents.map(age))).toBe(0);
    expect(Math.max(...residents.map(age))).toBeGreaterThanOrEqual(90);
    // Everybody is born before the extract was taken.
    expect(residents.every((r) => r.birthDay < dates.extractDay)).toBe(true);
  });

  it('should have about 12 % foreign nationals, about a third of them EU citizens', () => {
    const eu = new Set(FOREIGN_NATIONALITIES.filter((x) => x.eu).map((x) => x.code));
    const foreign = residents.filter(isForeign);
    expect(foreign.length / n).toBeGreaterThan(0.1);
    expect(foreign.length / n).toBeLessThan(0.14);
    const euShare = foreign.filter((r) => eu.has(r.nationalities[0] as string)).length / foreign.length;
    expect(euShare).toBeGreaterThan(0.27);
    expect(euShare).toBeLessThan(0.42);
  });

  it('should list Germany first for dual citizens, a few per cent of residents', () => {
    const dual = residents.filter((r) => r.nationalities.length > 1);
    expect(dual.length / n).toBeGreaterThan(0.02);
    expect(dual.length / n).toBeLessThan(0.07);
    expect(dual.every((r) => r.nationalities[0] === 'DE')).toBe(true);
  });

  it('should have recent movers within three months before election day, some from abroad (R1.6)', () => {
    const recent = residents.filter((r) => r.moveInDay !== null && r.moveInDay >= dates.recentFrom);
    expect(recent.length / n).toBeGreaterThan(0.01);
    expect(recent.length / n).toBeLessThan(0.04);
    expect(recent.some((r) => r.movedInFromAbroad)).toBe(true);
    // A few moved in after the Stichtag (day 42, R1.7) and before the extract.
    expect(recent.some((r) => (r.moveInDay as number) > dates.electionDay - 42)).toBe(true);
    expect(residents.every((r) => r.moveInDay === null || (r.moveInDay >= r.birthDay && r.moveInDay <= dates.extractDay))).toBe(true);
    expect(residents.every((r) => !r.movedInFromAbroad || r.moveInDay !== null)).toBe(true);
  });

  it('should have some secondary dwellings, information blocks and a few court exclusions', () => {
    expect(share((r) => r.dwellingStatus === 'N')).toBeGreaterThan(0.005);
    expect(share((r) => r.dwellingStatus === 'N')).toBeLessThan(0.03);
    expect(share((r) => r.informationBlock)).toBeGreaterThan(0.002);
    expect(share((r) => r.informationBlock)).toBeLessThan(0.01);
    const excluded = residents.filter((r) => r.excludedFromVoting);
    expect(excluded.length).toBeGreaterThan(0);
    expect(excluded.length / n).toBeLessThan(0.001);
    expect(excluded.every((r) => age(r) >= 18)).toBe(true);
  });

  it('should use German names with umlauts and ß, double names, von, and birth names of married people', () => {
    const names = residents.map((r) => `${r.familyName} ${r.givenNames}`).join('\n');
    expect(names).toMatch(/[äöü]/);
    expect(names).toMatch(/ß/);
    expect(residents.some((r) => r.familyName.startsWith('von '))).toBe(true);
    expect(residents.some((r) => /\w-\w/.test(r.familyName))).toBe(true);
    expect(residents.some((r) => r.givenNames.includes(' '))).toBe(true);
    const withBirthName = residents.filter((r) => r.birthName !== '');
    expect(withBirthName.length / n).toBeGreaterThan(0.1);
    expect(withBirthName.every((r) => r.birthName !== r.familyName && age(r) >= 18)).toBe(true);
  });

  it('should resolve every address to a district of the street directory but the deliberate ones (R2.4)', () => {
    const index = createStreetIndex(demo.streets);
    const deliberate = residents.filter((r) => r.deliberatelyUnmatched);
    expect(deliberate.length).toBeGreaterThanOrEqual(3);
    for (const r of residents) {
      const found = index.find(r.streetKey, `${r.houseNumber}${r.houseNumberSuffix}`);
      expect(found.kind).toBe(r.deliberatelyUnmatched ? 'none' : 'match');
    }
    expect(residents.some((r) => r.houseNumberSuffix !== '')).toBe(true);
  });

  it('should spread residents over the districts like their inhabitants', () => {
    const index = createStreetIndex(demo.streets);
    const counts = new Map<string, number>();
    for (const r of residents) {
      const found = index.find(r.streetKey, String(r.houseNumber));
      if (found.kind === 'match') counts.set(found.district, (counts.get(found.district) ?? 0) + 1);
    }
    const total = demo.districts.reduce((s, d) => s + (d.kind === 'polling' ? (d.inhabitants ?? 0) : 0), 0);
    for (const district of demo.districts) {
      if (district.kind !== 'polling') continue;
      const expected = (n * (district.inhabitants as number)) / total;
      expect(Math.abs((counts.get(district.number) ?? 0) - expected) / expected).toBeLessThan(0.3);
    }
  });

  it('should write lines the roll import reads without a single error', () => {
    const header = parseRegisterHeader(REGISTER_HEADER);
    if (!header.ok) throw new Error('header rejected');
    residents.forEach((r, i) => {
      const parsed = parseRegisterLine(formatRegisterLine(r), header.value, i + 2);
      if (!parsed.ok) throw new Error(`line ${i + 2}: ${JSON.stringify(parsed.error)}`);
    });
  });
});
