import { describe, expect, it } from 'vitest';
import { validateElectionDefinition, type DefinitionError } from './election-definition.schema';
import { sampleBundestagDefinition } from '../../test-support/election-definition.fixture';

// The optional level between municipality and districts: Stadtbezirke and Stadtteile (issue #12).

const bundestag = (): any => structuredClone(sampleBundestagDefinition());

const withAreas = (): any => {
  const doc = bundestag();
  doc.areas = [
    { key: 'west', name: 'Stadtbezirk West', kind: 'stadtbezirk' },
    { key: 'weststadt', name: 'Weststadt', kind: 'stadtteil', parent: 'west' },
    { key: 'nordweststadt', name: 'Nordweststadt', kind: 'stadtteil', parent: 'west' },
  ];
  doc.districts[0].area = 'weststadt';
  doc.districts[1].area = 'nordweststadt';
  doc.districts[3].area = 'west';
  return doc;
};

function errorsOf(doc: unknown, draft = false): DefinitionError[] {
  const result = validateElectionDefinition(doc, { draft });
  return result.ok ? [] : result.error;
}

describe('areas of the election definition', () => {
  it('should accept a definition with a tree of areas and districts placed in them, unchanged', () => {
    const doc = withAreas();
    expect(validateElectionDefinition(structuredClone(doc))).toEqual({ ok: true, value: doc });
  });

  it('should keep accepting definitions without areas (the level is optional)', () => {
    expect(errorsOf(bundestag())).toEqual([]);
  });

  it('should name a repeated key, an unknown parent and a district in an unknown area', () => {
    const doc = withAreas();
    doc.areas.push({ key: 'west', name: 'Doppelt', kind: 'stadtbezirk' });
    doc.areas[2].parent = 'ost';
    doc.districts[2].area = 'südstadt';
    expect(errorsOf(doc)).toEqual([
      { path: '$.areas[3].key', message: 'Die Gebietskennung „west“ kommt mehrfach vor (zuerst bei $.areas[0].key).' },
      { path: '$.areas[2].parent', message: 'Das übergeordnete Gebiet „ost“ gibt es in areas nicht.' },
      { path: '$.districts[2].area', message: 'Das Gebiet „südstadt“ gibt es in areas nicht.' },
    ]);
  });

  it('should refuse areas that lie in themselves', () => {
    const doc = withAreas();
    doc.areas[0].parent = 'weststadt';
    expect(errorsOf(doc).map((e) => e.path)).toEqual(['$.areas[0].parent', '$.areas[1].parent', '$.areas[2].parent']);
    expect(errorsOf(doc)[0]!.message).toBe('Das Gebiet „west“ liegt über „weststadt“ in sich selbst (Kreis).');
  });

  it('should refuse an unknown kind of area in German', () => {
    const doc = withAreas();
    doc.areas[0].kind = 'ortsteil';
    expect(errorsOf(doc)).toEqual([
      { path: '$.areas[0].kind', message: 'Ungültiger Wert "ortsteil"; erlaubt: "stadtbezirk", "stadtteil".' },
    ]);
  });
});

describe('draft definitions', () => {
  it('should accept an election in preparation without districts and contests, but not as a complete definition', () => {
    const { previousElection: _previous, ...doc } = { ...bundestag(), pollingStations: [], districts: [], contests: [], streets: [] };
    expect(errorsOf(doc, true)).toEqual([]);
    expect(errorsOf(doc).map((e) => e.path)).toEqual(['$.districts', '$.contests']);
  });

  it('should apply every other rule to a draft', () => {
    const { previousElection: _previous, ...doc } = { ...bundestag(), electionDay: '2025-02-22', districts: [], contests: [], streets: [] };
    expect(errorsOf(doc, true).map((e) => e.path)).toEqual(['$.electionDay']);
  });
});
