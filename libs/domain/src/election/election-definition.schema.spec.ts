import { describe, expect, it } from 'vitest';
import {
  electionDefinitionErrorMap,
  electionDefinitionJsonSchema,
  electionDefinitionSchema,
  validateElectionDefinition,
  type DefinitionError,
} from './election-definition.schema';
import { sampleBundestagDefinition, sampleCouncilDefinition } from '../../test-support/election-definition.fixture';

// Tests edit plain copies of the fixture freely.
const bundestag = (): any => structuredClone(sampleBundestagDefinition());
const council = (): any => structuredClone(sampleCouncilDefinition());

function errorsOf(doc: unknown): DefinitionError[] {
  const result = validateElectionDefinition(doc);
  if (result.ok) throw new Error('expected the definition to be rejected');
  return result.error;
}

const pathsOf = (doc: unknown): string[] => errorsOf(doc).map((e) => e.path);
const messageAt = (doc: unknown, path: string): string => {
  const found = errorsOf(doc).filter((e) => e.path === path);
  expect(found, `errors at ${path}`).toHaveLength(1);
  return found[0]!.message;
};

describe('validateElectionDefinition: valid documents', () => {
  it('should accept the sample Bundestag and council definitions unchanged', () => {
    for (const doc of [sampleBundestagDefinition(), sampleCouncilDefinition()]) {
      const result = validateElectionDefinition(structuredClone(doc));
      expect(result).toEqual({ ok: true, value: doc });
    }
  });

  it('should agree with the zod schema, which carries the cross-field rules too', () => {
    expect(electionDefinitionSchema.safeParse(bundestag()).success).toBe(true);
    const doc = bundestag();
    doc.contests[1].lists[0].candidates = [
      { position: 1, familyName: 'Eins', givenNames: 'A' },
      { position: 1, familyName: 'Zwei', givenNames: 'B' },
    ];
    const parsed = electionDefinitionSchema.safeParse(doc, { error: electionDefinitionErrorMap });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([['contests', 1, 'lists', 0, 'candidates', 1, 'position']]);
  });
});

describe('validateElectionDefinition: structure', () => {
  it('should reject unknown keys, naming each one in its path', () => {
    const doc = bundestag();
    doc.comment = 'x';
    doc.districts[0].colour = 'red';
    doc.contests[1].lists[0].candidates = [{ position: 1, familyName: 'A', givenNames: 'B', age: 40 }];
    expect(pathsOf(doc)).toEqual(['$.districts[0].colour', '$.contests[1].lists[0].candidates[0].age', '$.comment']);
    expect(messageAt(doc, '$.comment')).toBe('Unbekanntes Feld „comment“: im Schema nicht vorgesehen.');
  });

  it('should report missing and mistyped values in German', () => {
    const doc = bundestag();
    delete doc.name;
    doc.pollingStations[0].barrierFree = 'ja';
    doc.districts[0].inhabitants = 12.5;
    expect(messageAt(doc, '$.name')).toBe('Pflichtangabe fehlt.');
    expect(messageAt(doc, '$.pollingStations[0].barrierFree')).toBe('Erwartet: true oder false; gefunden: Text.');
    expect(messageAt(doc, '$.districts[0].inhabitants')).toBe('Muss eine ganze Zahl sein.');
  });

  it('should check AGS, colour, postal code and enumerations', () => {
    const doc = bundestag();
    doc.municipality.ags = '0899900';
    doc.contests[0].lists[1].color = 'red';
    doc.pollingStations[1].address.postalCode = '7699';
    doc.kind = 'landtag-by';
    doc.districts[3].kind = 'briefwahl';
    expect(messageAt(doc, '$.municipality.ags')).toMatch(/genau 8 Ziffern/);
    expect(messageAt(doc, '$.contests[0].lists[1].color')).toMatch(/#rrggbb/);
    expect(messageAt(doc, '$.pollingStations[1].address.postalCode')).toMatch(/5 Ziffern/);
    expect(messageAt(doc, '$.kind')).toMatch(/^Ungültiger Wert "landtag-by"; erlaubt: "bundestag"/);
    expect(messageAt(doc, '$.districts[3].kind')).toBe('Unbekannte Art; erlaubt: "polling", "postal".');
  });

  it('should accept real calendar dates only (2025-02-30 is none)', () => {
    const doc = bundestag();
    doc.electionDay = '2025-02-30';
    doc.previousElection.electionDay = '2021-9-26';
    doc.deadlines = { cardDeadline: '2025-02-29' };
    expect(pathsOf(doc)).toEqual(['$.electionDay', '$.deadlines.cardDeadline', '$.previousElection.electionDay']);
    expect(messageAt(doc, '$.electionDay')).toMatch(/^Kein gültiges Kalenderdatum/);
  });
});

describe('validateElectionDefinition: cross-field rules', () => {
  it('should require a Sunday as election day (BWahlG § 16, holidays not supported)', () => {
    const doc = bundestag();
    doc.electionDay = '2025-02-22';
    expect(messageAt(doc, '$.electionDay')).toMatch(/Sonntag.*BWahlG § 16.*Feiertage/);
  });

  it('should find duplicate keys and point at the first occurrence', () => {
    const doc = bundestag();
    doc.pollingStations[1].id = 'W1';
    doc.districts[2].number = '002';
    doc.contests[1].id = 'erst';
    doc.contests[1].lists[1].id = 'cdu';
    doc.contests[1].lists[1].ballotPosition = 1;
    doc.contests[0].lists[0].candidates.push({ position: 1, familyName: 'Zwei', givenNames: 'Zweite' });
    doc.streets[2].key = '0100';
    expect(errorsOf(doc)).toEqual(
      expect.arrayContaining([
        { path: '$.pollingStations[1].id', message: 'Die Wahlraum-Kennung „W1“ kommt mehrfach vor (zuerst bei $.pollingStations[0].id).' },
        { path: '$.districts[2].number', message: 'Die Bezirksnummer „002“ kommt mehrfach vor (zuerst bei $.districts[1].number).' },
        { path: '$.contests[1].id', message: 'Die Stimmzettel-Kennung „erst“ kommt mehrfach vor (zuerst bei $.contests[0].id).' },
        { path: '$.contests[1].lists[1].id', message: expect.stringContaining('„cdu“') },
        { path: '$.contests[1].lists[1].ballotPosition', message: expect.stringContaining('Position 1') },
        { path: '$.contests[0].lists[0].candidates[1].position', message: expect.stringContaining('Listenplatz 1') },
        { path: '$.streets[2].key', message: expect.stringContaining('„0100“') },
      ]),
    );
  });

  it('should resolve every reference', () => {
    const doc = bundestag();
    doc.districts[0].pollingStationId = 'W9';
    doc.districts[1].postalDistrict = '003';
    doc.districts[2].postalDistrict = '999';
    doc.streets[0].segments[2].district = '901';
    doc.streets[1].segments[0].district = '777';
    doc.previousElection.results.push({ area: '555', contest: 'dritt', invalid: 0, valid: 0, votes: {} });
    expect(errorsOf(doc)).toEqual([
      { path: '$.districts[0].pollingStationId', message: 'Den Wahlraum „W9“ gibt es in pollingStations nicht.' },
      { path: '$.districts[1].postalDistrict', message: 'Der Bezirk „003“ ist kein Briefwahlbezirk (kind „postal“).' },
      { path: '$.districts[2].postalDistrict', message: 'Den Briefwahlbezirk „999“ gibt es nicht.' },
      { path: '$.streets[0].segments[2].district', message: expect.stringContaining('„901“ ist kein Urnenwahlbezirk') },
      { path: '$.streets[1].segments[0].district', message: 'Den Wahlbezirk „777“ gibt es nicht.' },
      { path: '$.previousElection.results[1].area', message: expect.stringContaining('„555“') },
      { path: '$.previousElection.results[1].contest', message: 'Den Stimmzettel „dritt“ gibt es in dieser Wahl nicht.' },
    ]);
  });

  it('should reject overlapping segments of one street, naming both (R2.4)', () => {
    const doc = bundestag();
    doc.streets[0].segments.push({ from: '45', to: '53', parity: 'odd', district: '003' });
    expect(errorsOf(doc)).toEqual([
      {
        path: '$.streets[0].segments[3]',
        message:
          'Der Hausnummernbereich 45–53 (ungerade) überschneidet sich mit dem Bereich 1–49 (ungerade) ($.streets[0].segments[0]) in der Straße „Hauptstraße“ (R2.4).',
      },
      {
        path: '$.streets[0].segments[3]',
        message:
          'Der Hausnummernbereich 45–53 (ungerade) überschneidet sich mit dem Bereich 51–99 (alle) ($.streets[0].segments[2]) in der Straße „Hauptstraße“ (R2.4).',
      },
    ]);
  });

  it('should accept touching and opposite-side segments, and refuse reversed or malformed bounds', () => {
    const doc = bundestag();
    doc.streets[1].segments = [
      { from: '1', to: '10', parity: 'all', district: '001' },
      { from: '11', to: '20', parity: 'odd', district: '002' },
      { from: '12', to: '20', parity: 'even', district: '003' },
      { from: '30', to: '25', parity: 'all', district: '003' },
      { from: '0', to: '2', parity: 'all', district: '003' },
      { from: '12-14', to: '16', parity: 'all', district: '003' },
    ];
    expect(errorsOf(doc)).toEqual([
      { path: '$.streets[1].segments[5].from', message: expect.stringMatching(/^Keine Hausnummer/) },
      { path: '$.streets[1].segments[3].to', message: 'Der Bereich endet (25) vor seinem Anfang (30).' },
      { path: '$.streets[1].segments[4].from', message: expect.stringMatching(/^Keine gültige Hausnummer/) },
    ]);
  });

  it('should hold a council ballot to R5.1, R5.2 and R5.4', () => {
    const doc = council();
    doc.contests[0].votesPerBallot = 7;
    doc.contests[0].maxVotesPerCandidate = 2;
    doc.contests[0].lists[1].candidates = Array.from({ length: 9 }, (_, i) => ({ position: i + 1, familyName: `N${i}`, givenNames: 'V' }));
    expect(errorsOf(doc)).toEqual([
      { path: '$.contests[0].votesPerBallot', message: expect.stringContaining('R5.1') },
      {
        path: '$.contests[0].lists[1].candidates',
        message: 'Der Wahlvorschlag „CDU“ hat 9 Bewerber, es sind aber nur 8 Sitze zu vergeben (R5.4).',
      },
      { path: '$.contests[0].maxVotesPerCandidate', message: expect.stringContaining('R5.2') },
    ]);
    const noSeats = council();
    delete noSeats.contests[0].seats;
    expect(messageAt(noSeats, '$.contests[0].seats')).toMatch(/Zahl der Sitze.*R5\.1/);
  });

  it('should give single-vote ballots one vote and a candidate ballot one candidate per list', () => {
    const doc = bundestag();
    doc.contests[0].votesPerBallot = 2;
    doc.contests[1].maxVotesPerCandidate = 3;
    doc.contests[0].lists[1].candidates = [];
    expect(pathsOf(doc)).toEqual([
      '$.contests[0].votesPerBallot',
      '$.contests[0].lists[1].candidates',
      '$.contests[1].maxVotesPerCandidate',
    ]);
  });

  it('should keep overridden deadlines before election day and in order', () => {
    const doc = bundestag();
    doc.deadlines = { inspectionStart: '2025-02-08', rollClosingLatest: '2025-02-23' };
    expect(errorsOf(doc)).toEqual([
      { path: '$.deadlines.rollClosingLatest', message: 'Abschluss des Wählerverzeichnisses spätestens muss vor dem Wahltag liegen.' },
      {
        path: '$.deadlines.inspectionStart',
        message: 'Beginn der Einsichtsfrist (2025-02-08) liegt nach Ende der Einsichtsfrist (2025-02-07).',
      },
    ]);
  });
});

describe('validateElectionDefinition: every error at once', () => {
  it('should report structural and cross-field errors of different elements together', () => {
    const doc = bundestag();
    delete doc.pollingStations[1].name; // structural, but W2 still counts as a known station
    doc.districts[0].pollingStationId = 'W7'; // unresolved
    doc.districts.push({ number: '004', name: 'Ost', kind: 'polling', pollingStationId: 'W2', extra: true }); // unknown key
    doc.streets[0].segments[0].to = '51'; // overlaps 51–99
    doc.contests[0].lists[0].color = '#12345'; // colour
    doc.electionDay = '2025-02-24'; // Monday
    expect(pathsOf(doc).sort()).toEqual(
      [
        '$.electionDay',
        '$.pollingStations[1].name',
        '$.districts[0].pollingStationId',
        '$.districts[4].extra',
        '$.contests[0].lists[0].color',
        '$.streets[0].segments[2]',
      ].sort(),
    );
  });

  it('should survive documents that are not objects at all', () => {
    expect(errorsOf(null)).toEqual([{ path: '$', message: 'Erwartet: Objekt; gefunden: null.' }]);
    expect(pathsOf({ schemaVersion: 2, districts: 'x' })).toEqual(
      expect.arrayContaining(['$.schemaVersion', '$.districts', '$.kind', '$.contests', '$.streets']),
    );
  });
});

describe('electionDefinitionJsonSchema', () => {
  it('should describe the document in JSON Schema draft 2020-12 with strict objects', () => {
    const schema = electionDefinitionJsonSchema() as any;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('Wahldefinition');
    expect(schema.description).toMatch(/schemaVersion 1/);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'kind', 'electionDay', 'municipality', 'districts', 'contests']),
    );
    expect(schema.properties.municipality.properties.ags.pattern).toBe('^\\d{8}$');
    expect(schema.properties.districts.items.oneOf).toHaveLength(2);
    expect(schema.properties.contests.items.properties.lists.items.properties.color.pattern).toBe('^#[0-9A-Fa-f]{6}$');
  });
});
