import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ElectionDefinition } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { definitionToRows, rowsToDefinition, type StoredElection } from './election-definition.mapper';

const sample = (): ElectionDefinition => JSON.parse(readFileSync(resolve('test/fixtures/election-small.json'), 'utf8'));

/** The sample without any optional top-level part, and with a seat number on a contest. */
function sparseSample(): ElectionDefinition {
  const { deadlines: _d, constituency: _c, previousElection: _p, ...rest } = sample();
  return {
    ...rest,
    municipality: { ags: rest.municipality.ags, name: rest.municipality.name },
    contests: rest.contests.map((c) => ({ ...c, seats: 2 })),
  };
}

/** The sample with Stadtbezirk → Stadtteil → districts, the postal district in the Stadtbezirk. */
function sampleWithAreas(): ElectionDefinition {
  const doc = sample();
  const areaOf: Readonly<Record<string, string>> = { '001': 'altstadt', '002': 'neustadt', '901': 'mitte' };
  return {
    ...doc,
    areas: [
      { key: 'neustadt', name: 'Neustadt', kind: 'stadtteil', parent: 'mitte' },
      { key: 'mitte', name: 'Stadtbezirk Mitte', kind: 'stadtbezirk' },
      { key: 'altstadt', name: 'Altstadt', kind: 'stadtteil', parent: 'mitte' },
    ],
    districts: doc.districts.map((d) => (areaOf[d.number] ? { ...d, area: areaOf[d.number] } : d)),
  };
}

// Rows come back from the database in any order; reversing them proves that `ordinal` decides.
function storedFrom(rows: ReturnType<typeof definitionToRows>): StoredElection {
  const reversed = <T>(items: readonly T[]): T[] => [...items].reverse();
  return {
    election: { ...rows.election, resultsPhase: 'live', createdAt: new Date('2025-01-01T00:00:00Z') },
    areas: reversed(rows.areas),
    pollingStations: reversed(rows.pollingStations),
    districts: reversed(rows.districts),
    contests: reversed(rows.contests),
    lists: reversed(rows.lists),
    candidates: reversed(rows.candidates),
    streets: reversed(rows.streets),
    segments: reversed(rows.segments),
    previousResults: reversed(rows.previousResults),
  };
}

describe('election definition ⇄ rows', () => {
  it('should give the document back deep-equal, optional fields absent where they were absent', () => {
    for (const doc of [sample(), sparseSample(), sampleWithAreas()]) {
      const back = rowsToDefinition(storedFrom(definitionToRows('office-1', doc)));
      expect(back).toStrictEqual(doc);
    }
  });

  it('should link rows by generated ids: districts to stations and postal districts, segments to districts', () => {
    const rows = definitionToRows('office-1', sample());
    const byNumber = new Map(rows.districts.map((d) => [d.number, d]));
    const station = (key: string) => rows.pollingStations.find((s) => s.key === key)?.id;
    expect(byNumber.get('001')).toMatchObject({
      pollingStationId: station('rathaus'),
      postalDistrictId: byNumber.get('901')?.id,
      inhabitants: 1450,
    });
    expect(byNumber.get('002')).toMatchObject({ pollingStationId: station('rathaus'), inhabitants: null });
    expect(byNumber.get('901')).toMatchObject({ kind: 'postal', pollingStationId: null, postalDistrictId: null });
    expect(rows.segments.map((g) => rows.districts.find((d) => d.id === g.districtId)?.number)).toEqual([
      '001',
      '002',
      '003',
      '003',
      '002',
      '001',
    ]);
    expect(rows.previousResults.map((r) => r.districtId)).toEqual([null, byNumber.get('001')?.id]);
    expect(rows.previousResults[0]?.contestId).toBe(rows.contests[1]?.id);
    expect(rows.areas).toEqual([]);
    expect(rows.districts.every((d) => d.areaId === null)).toBe(true);
    expect(new Set([rows.election.id, ...rows.districts.map((d) => d.id), ...rows.lists.map((l) => l.id)]).size).toBe(1 + 4 + 4);
  });

  it('should link areas to their parents and districts to their innermost area', () => {
    const rows = definitionToRows('office-1', sampleWithAreas());
    const areaId = (key: string) => rows.areas.find((a) => a.key === key)?.id;
    expect(rows.areas.map((a) => [a.key, a.parentId])).toEqual([
      ['neustadt', areaId('mitte')],
      ['mitte', null],
      ['altstadt', areaId('mitte')],
    ]);
    expect(rows.districts.map((d) => [d.number, d.areaId])).toEqual([
      ['001', areaId('altstadt')],
      ['002', areaId('neustadt')],
      ['003', null],
      ['901', areaId('mitte')],
    ]);
  });
});
