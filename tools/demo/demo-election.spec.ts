import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createStreetIndex, validateElectionDefinition, weekdayOf, type District } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { apportion, buildDemoElection } from './demo-election';

const committed = JSON.parse(readFileSync(resolve(__dirname, '../../examples/demo-election.json'), 'utf8'));
const demo = buildDemoElection();
const polling = demo.districts.filter((d): d is Extract<District, { kind: 'polling' }> => d.kind === 'polling');
const postal = demo.districts.filter((d) => d.kind === 'postal');

describe('apportion', () => {
  it('should split a total by largest remainders', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(100, [50, 30, 20])).toEqual([50, 30, 20]);
    // 3.5, 1.75, 1.75: floors 3, 1, 1; the two seats left go to the larger remainders .75 and .75.
    expect(apportion(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
  });
});

describe('the demo election document', () => {
  it('should equal the committed examples/demo-election.json (rebuild with tools/demo/build-demo-election.ts)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(demo)));
  });

  it('should pass the import validation', () => {
    const result = validateElectionDefinition(committed);
    expect(result.ok ? [] : result.error).toEqual([]);
  });

  it('should be a Bundestag election on a future Sunday in a fictional town', () => {
    expect(demo.kind).toBe('bundestag');
    expect(weekdayOf(demo.electionDay)).toBe(0);
    expect(demo.electionDay > '2026-12-31').toBe(true);
    expect(demo.municipality.ags).toMatch(/^08\d{6}$/);
    expect(`${demo.name} ${demo.municipality.contact?.office}`).toMatch(/fiktiv/);
  });

  it('should have 40 polling districts of at most 2,500 inhabitants (R2.1) and about 50,000 in all', () => {
    expect(polling).toHaveLength(40);
    expect(polling[0]?.number).toBe('0101');
    expect(polling.every((d) => (d.inhabitants as number) > 0 && (d.inhabitants as number) <= 2500)).toBe(true);
    const total = polling.reduce((s, d) => s + (d.inhabitants as number), 0);
    expect(Math.abs(total - 50_000)).toBeLessThan(100);
  });

  it('should link each of the 8 postal districts from 5 polling districts (R2.5)', () => {
    expect(postal.map((d) => d.number)).toEqual(['9101', '9102', '9103', '9104', '9105', '9106', '9107', '9108']);
    for (const p of postal) expect(polling.filter((d) => d.postalDistrict === p.number)).toHaveLength(5);
  });

  it('should have 10 polling stations open 08:00–18:00, two of them not barrier-free with a note', () => {
    expect(demo.pollingStations).toHaveLength(10);
    expect(demo.pollingStations.every((s) => s.openingHours === '08:00–18:00' && s.address.city === 'Wahlingen')).toBe(true);
    const notBarrierFree = demo.pollingStations.filter((s) => !s.barrierFree);
    expect(notBarrierFree).toHaveLength(2);
    expect(notBarrierFree.every((s) => (s.barrierFreeNote ?? '').length > 20)).toBe(true);
    // The stations' own addresses are in the street directory.
    const index = createStreetIndex(demo.streets);
    for (const station of demo.pollingStations) {
      const street = demo.streets.find((s) => s.name === station.address.street);
      expect(street?.postalCode).toBe(station.address.postalCode);
      expect(index.find(street?.key as string, station.address.houseNumber).kind).toBe('match');
    }
  });

  it('should offer Erststimme with one candidate per list and Zweitstimme with the same 12 lists in ballot order', () => {
    const [first, second] = demo.contests;
    expect(first).toMatchObject({ id: 'erststimme', ballotType: 'candidate' });
    expect(second).toMatchObject({ id: 'zweitstimme', ballotType: 'list' });
    expect(first?.lists.every((l) => l.candidates.length === 1)).toBe(true);
    expect(second?.lists.map((l) => l.ballotPosition)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(second?.lists.map((l) => l.shortName).slice(0, 4)).toEqual(['CDU', 'AfD', 'SPD', 'GRÜNE']);
    expect(second?.lists.every((l) => l.candidates.length > 0)).toBe(true);
  });

  it('should map every house number 1…N of each of the ~200 streets to exactly one district (R2.4)', () => {
    expect(demo.streets.length).toBeGreaterThanOrEqual(190);
    expect(new Set(demo.streets.map((s) => s.postalCode)).size).toBeGreaterThanOrEqual(2);
    const index = createStreetIndex(demo.streets);
    for (const street of demo.streets) {
      const n = Math.max(...street.segments.map((s) => parseInt(s.to, 10)));
      for (let i = 1; i <= n; i++) expect(index.find(street.key, String(i)).kind).toBe('match');
    }
    const segments = demo.streets.flatMap((s) => s.segments);
    expect(segments.some((s) => s.parity === 'odd')).toBe(true);
    expect(segments.some((s) => s.parity === 'even')).toBe(true);
    expect(segments.some((s) => /[a-z]$/.test(s.from))).toBe(true);
    const used = new Set(segments.map((s) => s.district));
    expect(polling.every((d) => used.has(d.number))).toBe(true);
  });

  it('should carry consistent previous results for every district and the municipality', () => {
    const results = demo.previousElection?.results ?? [];
    expect(results).toHaveLength((demo.districts.length + 1) * 2);
    for (const r of results) {
      expect(Object.values(r.votes).reduce((a, b) => a + b, 0)).toBe(r.valid);
      expect(r.voters).toBe(r.valid + r.invalid);
      if (r.eligible !== undefined) expect(r.voters as number).toBeLessThanOrEqual(r.eligible);
    }
    expect(results.filter((r) => postal.some((p) => p.number === r.area)).every((r) => r.eligible === undefined)).toBe(true);
    for (const contest of ['erststimme', 'zweitstimme']) {
      const areas = results.filter((r) => r.contest === contest && r.area !== 'municipality');
      const whole = results.find((r) => r.contest === contest && r.area === 'municipality');
      expect(whole?.valid).toBe(areas.reduce((s, r) => s + r.valid, 0));
      expect(whole?.eligible).toBe(areas.reduce((s, r) => s + (r.eligible ?? 0), 0));
      expect(whole?.votes['cdu']).toBe(areas.reduce((s, r) => s + (r.votes['cdu'] ?? 0), 0));
      // Turnout of the previous Bundestag election: about 80 %.
      expect((whole?.voters as number) / (whole?.eligible as number)).toBeGreaterThan(0.7);
    }
  });

  it('should stay well under 1 MB', () => {
    expect(JSON.stringify(committed, null, 2).length).toBeLessThan(400_000);
  });
});
