import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOwdCandidates, parseOwdDistricts, STATION_PLACEHOLDER, validateElectionDefinition } from '@wahl/domain';
import { KARLSRUHE_DATA_DIR } from './karlsruhe-files';

// The City of Karlsruhe's own OpenWahlDaten exports (../shared/data/karlsruhe, SOURCE.md): the
// Gemeinderatswahl 2024 (258 districts: 128 polling, 130 postal; 27 Stadtteile; 64 polling
// stations named in the district names) and the Bundestagswahl 2025 (272: 156 polling, 116 postal).
// Kept in tools/: libs/domain's own specs do no I/O.
const DATA_DIR = KARLSRUHE_DATA_DIR;
const available = existsSync(DATA_DIR);
if (!available) console.warn(`[owd-import] skipped: no data folder at ${DATA_DIR}`);

const file = (election: string, part: string): string => {
  const name = readdirSync(DATA_DIR).find((n) => n.includes(election) && n.includes(`_${part}_`));
  return readFileSync(join(DATA_DIR, name!), 'utf8');
};

describe.skipIf(!available)('Wahlgebietseinteilungen of Karlsruhe', () => {
  it('should read the Gemeinderatswahl 2024: Stadtteile, polling and postal districts, stations by name', () => {
    const parsed = parseOwdDistricts(file('Gemeinderatswahl_2024', 'Wahlgebietseinteilungen'), 'Karlsruhe');
    expect(parsed.problems).toEqual([
      {
        line: 0,
        field: null,
        severity: 'warning',
        message: `Die Datei nennt die Wahlräume nur mit Namen: 64 Wahlräume werden ohne Anschrift angelegt („${STATION_PLACEHOLDER.street}“); bitte unter „Wahlräume“ ergänzen.`,
      },
    ]);
    expect(parsed.areas).toHaveLength(27);
    expect(parsed.areas[0]).toEqual({ key: 'Innenstadt-Ost', name: 'Innenstadt-Ost', kind: 'stadtteil' });
    expect(parsed.districts.filter((d) => d.kind === 'polling')).toHaveLength(128);
    expect(parsed.districts.filter((d) => d.kind === 'postal')).toHaveLength(130);
    // "Stadt Karlsruhe - 001-21 Hans-Thoma-Schule": the authority's prefix is dropped, the station is the rest.
    expect(parsed.districts[0]).toEqual({
      number: '00121',
      name: '001-21 Hans-Thoma-Schule',
      kind: 'polling',
      pollingStationId: 'hans-thoma-schule',
      area: 'Innenstadt-Ost',
    });
    expect(parsed.districts.find((d) => d.number === '03001')).toEqual({
      number: '03001',
      name: '030-01 Briefwahl',
      kind: 'postal',
      area: 'Innenstadt-Ost',
    });
    expect(parsed.pollingStations).toHaveLength(64);
    expect(parsed.pollingStations[0]).toMatchObject({ id: 'hans-thoma-schule', name: 'Hans-Thoma-Schule', address: { city: 'Karlsruhe' } });
  });

  it('should give a definition the domain accepts, with the Bundestagswahl 2025 file too', () => {
    const parsed = parseOwdDistricts(file('Bundestagswahl_2025', 'Wahlgebietseinteilungen'), 'Karlsruhe');
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect([parsed.districts.filter((d) => d.kind === 'polling').length, parsed.districts.length, parsed.areas.length]).toEqual([
      156, 272, 27,
    ]);
    const doc = {
      schemaVersion: 1,
      kind: 'bundestag',
      name: 'Bundestagswahl 2025',
      electionDay: '2025-02-23',
      municipality: { ags: '08212000', name: 'Stadt Karlsruhe' },
      areas: parsed.areas,
      pollingStations: parsed.pollingStations,
      districts: parsed.districts,
      contests: [],
      streets: [],
    };
    expect(validateElectionDefinition(doc, { draft: true })).toMatchObject({ ok: true });
  });
});

describe.skipIf(!available)('Kandidaten of Karlsruhe', () => {
  it('should read the 15 council lists with their 568 candidates in file order, degrees as titles', () => {
    const parsed = parseOwdCandidates(file('Gemeinderatswahl_2024', 'Kandidaten'));
    expect(parsed.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(parsed.lists.map((l) => [l.ballotPosition, l.shortName, l.candidates.length])).toEqual([
      [1, 'GRÜNE', 48],
      [2, 'CDU', 48],
      [3, 'SPD', 48],
      [4, 'FDP', 48],
      [5, 'AfD', 48],
      [6, 'DIE LINKE', 48],
      [7, 'KAL', 48],
      [8, 'Die PARTEI', 48],
      [9, 'FW KA e.V.', 48],
      [10, 'FÜR Karlsruhe', 48],
      [11, 'Team Todenhöfer', 2],
      [12, 'Demokratie und Aufklärung Karlsruhe', 28],
      [13, 'KAG', 1],
      [14, 'Volt', 48],
      [15, 'ÖDP', 9],
    ]);
    const gruene = parsed.lists[0]!;
    expect(gruene).toMatchObject({ id: 'gruene', name: 'GRÜNE', color: '#6b7280' });
    expect(gruene.candidates.slice(0, 4)).toEqual([
      { position: 1, familyName: 'Fahringer', givenNames: 'Jorinda' },
      { position: 2, familyName: 'Löffler', givenNames: 'Aljoscha' },
      { position: 3, familyName: 'Wolf', givenNames: 'Leonie' },
      { position: 4, familyName: 'Cremer', givenNames: 'Clemens', title: 'Dr.' },
    ]);
    const particles = parsed.lists.flatMap((l) => l.candidates).find((c) => c.familyName.startsWith('von der'));
    expect(particles).toEqual(expect.objectContaining({ familyName: 'von der Heyde', givenNames: 'Thomas' }));
  });

  it('should read the Bundestag file (family names only) and say that given names are missing', () => {
    const parsed = parseOwdCandidates(file('Bundestagswahl_2025', 'Kandidaten'));
    expect(parsed.lists).toHaveLength(10);
    expect(parsed.lists[2]!.candidates).toEqual([{ position: 1, familyName: 'Mayer', givenNames: 'k. A.', title: 'Dr.' }]);
    expect(parsed.problems.map((p) => [p.line, p.field, p.severity])).toEqual([
      [0, null, 'warning'],
      [0, 'kandidat-vorname', 'warning'],
    ]);
  });
});

describe('import problems by line and field', () => {
  it('should name a missing column, a duplicate district, an unknown kind and an unknown postal district', () => {
    expect(parseOwdDistricts('bezirk-nr;bezirk-name\n001;Nord\n', 'X').problems).toEqual([
      { line: 1, field: 'bezirk-art', message: 'Die Spalte „bezirk-art“ fehlt in der Kopfzeile.', severity: 'error' },
    ]);
    const csv = [
      'bezirk-nr;bezirk-name;bezirk-art;BRIEFWAHLBEZIRK-NR',
      '001;001-01 Schule;W;901',
      '001;001-02 Schule;W;',
      '002;002-01 Halle;S;',
      '003;003-01 Halle;W;001',
      '004;"offen;W;',
    ].join('\r\n');
    expect(parseOwdDistricts(csv, 'X').problems.filter((p) => p.severity === 'error')).toEqual([
      { line: 2, field: 'BRIEFWAHLBEZIRK-NR', message: 'Den Briefwahlbezirk „901“ gibt es in der Datei nicht.', severity: 'error' },
      { line: 3, field: 'bezirk-nr', message: 'Die Bezirksnummer „001“ steht schon in Zeile 2.', severity: 'error' },
      {
        line: 4,
        field: 'bezirk-art',
        message: 'Die Bezirksart „S“ wird nicht unterstützt (W = Urnenwahlbezirk, B = Briefwahlbezirk).',
        severity: 'error',
      },
      { line: 5, field: 'BRIEFWAHLBEZIRK-NR', message: 'Der Bezirk „001“ ist kein Briefwahlbezirk.', severity: 'error' },
      {
        line: 6,
        field: 'bezirk-name',
        message: 'Ein Anführungszeichen wird nicht geschlossen (Felder dürfen keinen Zeilenumbruch enthalten).',
        severity: 'error',
      },
    ]);
  });

  it('should name a bad list place, a repeated place and a bad birth year', () => {
    const csv = [
      'partei-kurzname;kandidat-name;kandidat-listenplatz;kandidat-geburtsjahr',
      'A;Eva Ernst;1;1970',
      'A;Max Mohn;1;',
      'A;Ida Iser;x;19',
    ].join('\n');
    expect(parseOwdCandidates(csv).problems.filter((p) => p.severity === 'error')).toEqual([
      { line: 3, field: 'kandidat-listenplatz', message: 'Listenplatz 1 von „A“ steht schon in Zeile 2.', severity: 'error' },
      { line: 4, field: 'kandidat-listenplatz', message: '„x“ ist keine ganze Zahl von 1 bis 999.', severity: 'error' },
      { line: 4, field: 'kandidat-geburtsjahr', message: '„19“ ist keine ganze Zahl von 1880 bis 2100.', severity: 'error' },
    ]);
  });

  it('should refuse an oversized file before splitting it', () => {
    expect(parseOwdCandidates('x'.repeat(20_000_001)).problems).toEqual([
      { line: 0, field: null, message: 'Die Datei ist zu groß (höchstens 20 Mio. Zeichen).', severity: 'error' },
    ]);
  });
});
