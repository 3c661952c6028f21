import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateElectionDefinition, type ElectionDefinition } from '@wahl/domain';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER, buildKarlsruheExample, listIdOf, parseOwd } from './karlsruhe-example';
import { KARLSRUHE_DATA_DIR, readKarlsruheFiles } from './karlsruhe-files';

const committed = JSON.parse(readFileSync(resolve(__dirname, '../../examples/karlsruhe-btw2025.json'), 'utf8')) as ElectionDefinition;

// A cut-down OWD set in the city's layout (CRLF, the same columns).
const head = '0.3;08212000;23.02.2025;Bundestagswahl 2025';
const sample = {
  parameters:
    'version;wahl-behoerde-gs;wahl-behoerde-name;wahl-datum;wahl-name;wahl-bezeichnung;kandidat-gebiet-bezeichnung;gebiet-ebene-5-bezeichnung;gebiet-ebene-4-bezeichnung;gebiet-ebene-3-bezeichnung;gebiet-ebene-2-bezeichnung;bezirk-bezeichnung\r\n' +
    '0.3;08212000;Stadt Karlsruhe;23.02.2025;Bundestagswahl 2025;Bundestagswahl 2025;Wahlkreis;;;Wahlkreis;Stadtteile;Wahlbezirke\r\n',
  areas:
    'version;wahl-behoerde-gs;wahl-datum;wahl-name;wahl-leiter-gs;wahl-leiter-name;gebiet-ebene-5-nr;gebiet-ebene-5-name;gebiet-ebene-4-nr;gebiet-ebene-4-name;gebiet-ebene-3-nr;gebiet-ebene-3-name;gebiet-ebene-2-nr;gebiet-ebene-2-name;bezirk-nr;bezirk-name;BRIEFWAHLBEZIRK-NR;bezirk-art;bezirk-repräsentativ;kandidat-gebiet-nr;kandidat-gebiet-bezeichnung;stimmzettel-gebiet-nr;stimmzettel-gebiet-bezeichnung\r\n' +
    `${head};08212000;Stadt Karlsruhe;;;;;;;Innenstadt-Ost;Innenstadt-Ost;00121;001-21 Hans-Thoma-Schule;;W;;271;271 Karlsruhe-Stadt;;\r\n` +
    `${head};08212000;Stadt Karlsruhe;;;;;;;Innenstadt-Ost;Innenstadt-Ost;00122;001-22 Hans-Thoma-Schule;03001;W;;271;271 Karlsruhe-Stadt;;\r\n` +
    `${head};08212000;Stadt Karlsruhe;;;;;;;Innenstadt-Ost;Innenstadt-Ost;03001;030-01 Briefwahl;;B;;271;271 Karlsruhe-Stadt;;\r\n`,
  ballot:
    'version;wahl-behoerde-gs;wahl-datum;wahl-name;stimmzettel-gebiet-nr;stimmzettel-gebiet-bezeichnung;stimmzettel-position;partei-kurzname;partei-langname;partei-rgb-wert;partei-typ\r\n' +
    `${head};;;1;CDU;;#32302e;P\r\n${head};;;2;GRÜNE;;#46962B;P\r\n${head};;;3;Die PARTEI;;#b91023;P\r\n`,
  candidates:
    'version;wahl-behoerde-gs;wahl-datum;wahl-name;partei-kurzname;partei-langname;kandidat-name;kandidat-namensvorsatz;kandidat-vorname;kandidat-akadgrad;kandidat-geburtsjahr;kandidat-geschlecht;kandidat-beruf;kandidat-gebiet-nr;kandidat-listenplatz\r\n' +
    `${head};Die PARTEI;;Trippel;;Anna;;1990;;;271;\r\n${head};GRÜNE;;Dr. Mayer;;;;;;;271;\r\n`,
};

describe('OWD helpers', () => {
  it('should key rows by header and drop the CR of CRLF lines', () => {
    expect(parseOwd('a;b\r\n1;2\r\n')).toEqual([{ a: '1', b: '2' }]);
  });

  it('should derive list ids from short names', () => {
    expect(listIdOf('GRÜNE')).toBe('gruene');
    expect(listIdOf('Die PARTEI')).toBe('die-partei');
    expect(listIdOf('ÖDP')).toBe('oedp');
    expect(listIdOf('BÜNDNIS DEUTSCHLAND')).toBe('buendnis-deutschland');
  });
});

describe('buildKarlsruheExample on a sample', () => {
  const doc = buildKarlsruheExample(sample);

  it('should take districts, the postal link where given, and one station per building', () => {
    expect(doc.districts).toEqual([
      { number: '00121', name: '001-21 Hans-Thoma-Schule', kind: 'polling', area: 'Innenstadt-Ost', pollingStationId: 'hans-thoma-schule' },
      {
        number: '00122',
        name: '001-22 Hans-Thoma-Schule',
        kind: 'polling',
        area: 'Innenstadt-Ost',
        pollingStationId: 'hans-thoma-schule',
        postalDistrict: '03001',
      },
      { number: '03001', name: '030-01 Briefwahl (Innenstadt-Ost)', kind: 'postal', area: 'Innenstadt-Ost' },
    ]);
    expect(doc.areas).toEqual([{ key: 'Innenstadt-Ost', name: 'Innenstadt-Ost', kind: 'stadtteil' }]);
    expect(doc.pollingStations).toHaveLength(1);
    expect(doc.pollingStations[0]?.address.street).toBe(PLACEHOLDER.stationStreet);
  });

  it('should put Erststimme candidates at their ballot rows, splitting the degree off the name', () => {
    const [first, second] = doc.contests;
    expect(first?.lists.map((l) => [l.ballotPosition, l.id, l.candidates[0]])).toEqual([
      [2, 'gruene', { position: 1, familyName: 'Mayer', givenNames: PLACEHOLDER.givenNames, title: 'Dr.' }],
      [3, 'die-partei', { position: 1, familyName: 'Trippel', givenNames: 'Anna', birthYear: 1990 }],
    ]);
    expect(second?.lists.map((l) => [l.ballotPosition, l.shortName, l.color])).toEqual([
      [1, 'CDU', '#32302e'],
      [2, 'GRÜNE', '#46962b'],
      [3, 'Die PARTEI', '#b91023'],
    ]);
    expect(second?.lists[0]?.name).toBe('Christlich Demokratische Union Deutschlands');
  });

  it('should read the election, municipality and constituency', () => {
    expect(doc).toMatchObject({
      kind: 'bundestag',
      name: 'Bundestagswahl 2025 – Stadt Karlsruhe',
      electionDay: '2025-02-23',
      municipality: { ags: '08212000', name: 'Stadt Karlsruhe' },
      constituency: { number: '271', name: 'Karlsruhe-Stadt' },
      streets: [],
    });
    expect(validateElectionDefinition(doc).ok).toBe(true);
  });
});

describe('examples/karlsruhe-btw2025.json', () => {
  it('should pass the import validation', () => {
    const result = validateElectionDefinition(committed);
    expect(result.ok ? [] : result.error).toEqual([]);
  });

  it('should hold all 272 districts, 16 Zweitstimme and 10 Erststimme lists', () => {
    expect(committed.districts.filter((d) => d.kind === 'polling')).toHaveLength(156);
    expect(committed.districts.filter((d) => d.kind === 'postal')).toHaveLength(116);
    expect(committed.contests.find((c) => c.id === 'zweitstimme')?.lists).toHaveLength(16);
    expect(committed.contests.find((c) => c.id === 'erststimme')?.lists).toHaveLength(10);
  });

  // The city's files live beside the repository; where they are, the committed file must match them.
  it.skipIf(!existsSync(KARLSRUHE_DATA_DIR))('should equal a fresh build from the data folder', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildKarlsruheExample(readKarlsruheFiles()))));
  });
});
