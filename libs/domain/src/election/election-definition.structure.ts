import { z } from 'zod';
import type { PathSegment } from './definition-path';
import { AREA_KINDS, ELECTION_KINDS, type ElectionDefinition } from './election-definition.types';

// The structure of the election document as zod schemas. Every object is strict: an unknown key
// is an error, so typos never pass silently. Cross-field rules live in election-definition.rules.ts.

const text = () => z.string().min(1, 'Darf nicht leer sein.');
const key = (what: string) => z.string().min(1, `${what} darf nicht leer sein.`).max(100, `${what}: höchstens 100 Zeichen.`);
const count = () => z.number().int('Muss eine ganze Zahl sein.').min(0, 'Darf nicht negativ sein.');
const positive = () => z.number().int('Muss eine ganze Zahl sein.').min(1, 'Muss mindestens 1 sein.');
export const isoDate = () =>
  z.iso
    .date({ error: 'Kein gültiges Kalenderdatum (Format JJJJ-MM-TT, z. B. 2025-02-23).' })
    .meta({ description: 'Kalenderdatum JJJJ-MM-TT' });

const HOUSE_NUMBER_BOUND = /^\s*\d{1,5}\s*(?:[A-Za-zÄÖÜäöüß]{1,2}|\/\s*\d{1,3})?\s*$/;
const houseNumberBound = () => z.string().regex(HOUSE_NUMBER_BOUND, 'Keine Hausnummer: erlaubt sind z. B. 12, 12a, 12 A oder 12/1.');

export const postalAddressSchema = z.strictObject({
  street: text(),
  houseNumber: text(),
  postalCode: z.string().regex(/^\d{5}$/, 'Die Postleitzahl hat 5 Ziffern.'),
  city: text(),
});

const municipalitySchema = z.strictObject({
  ags: z
    .string()
    .regex(/^\d{8}$/, 'Der Amtliche Gemeindeschlüssel (AGS) hat genau 8 Ziffern, z. B. 08212000.')
    .meta({ description: 'Amtlicher Gemeindeschlüssel, 8 Ziffern' }),
  name: text(),
  contact: z
    .strictObject({
      office: text(),
      address: postalAddressSchema,
      phone: text().optional(),
      email: text().optional(),
      website: text().optional(),
    })
    .optional(),
});

const constituencySchema = z.strictObject({ number: key('Die Wahlkreisnummer'), name: text() });

export const pollingStationSchema = z.strictObject({
  id: key('Die Kennung des Wahlraums'),
  name: text(),
  address: postalAddressSchema,
  openingHours: text().meta({ description: 'z. B. 08:00–18:00' }),
  barrierFree: z.boolean(),
  barrierFreeNote: text().optional(),
});

export const areaSchema = z.strictObject({
  key: key('Die Kennung des Gebiets'),
  name: text(),
  kind: z.enum(AREA_KINDS).meta({ description: 'Stadtbezirk oder Stadtteil' }),
  parent: key('Die Kennung des übergeordneten Gebiets').optional(),
});

const districtArea = () => key('Die Kennung des Gebiets').optional().meta({ description: 'Kennung des innersten Gebiets (areas)' });

export const districtSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    number: key('Die Bezirksnummer'),
    name: text(),
    kind: z.literal('polling').meta({ description: 'Urnenwahlbezirk' }),
    area: districtArea(),
    pollingStationId: key('Die Kennung des Wahlraums'),
    postalDistrict: key('Die Nummer des Briefwahlbezirks').optional(),
    inhabitants: count().optional(),
  }),
  z.strictObject({
    number: key('Die Bezirksnummer'),
    name: text(),
    kind: z.literal('postal').meta({ description: 'Briefwahlbezirk (R2.5: ohne eigene Wahlberechtigte)' }),
    area: districtArea(),
  }),
]);

export const candidateSchema = z.strictObject({
  position: positive(),
  familyName: text(),
  givenNames: text(),
  title: text().optional(),
  occupation: text().optional(),
  birthYear: z
    .number()
    .int('Muss eine ganze Zahl sein.')
    .min(1880, 'Geburtsjahr unplausibel.')
    .max(2100, 'Geburtsjahr unplausibel.')
    .optional(),
  residence: text().optional(),
});

export const listSchema = z.strictObject({
  id: key('Die Kennung des Wahlvorschlags'),
  ballotPosition: positive(),
  shortName: text(),
  name: text(),
  color: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'Farbe im Format #rrggbb, z. B. #e3000f.'),
  candidates: z.array(candidateSchema),
});

export const contestSchema = z.strictObject({
  id: key('Die Kennung des Stimmzettels'),
  name: text(),
  ballotType: z.enum(['candidate', 'list', 'council']),
  votesPerBallot: positive(),
  maxVotesPerCandidate: positive(),
  seats: positive().optional(),
  lists: z.array(listSchema).min(1, 'Mindestens ein Wahlvorschlag ist nötig.'),
});

export const segmentSchema = z.strictObject({
  from: houseNumberBound(),
  to: houseNumberBound(),
  parity: z.enum(['all', 'odd', 'even']),
  district: key('Die Bezirksnummer'),
});

export const streetSchema = z.strictObject({
  key: key('Der Straßenschlüssel'),
  name: text(),
  postalCode: z.string().regex(/^\d{5}$/, 'Die Postleitzahl hat 5 Ziffern.'),
  segments: z.array(segmentSchema).min(1, 'Mindestens ein Hausnummernbereich ist nötig.'),
});

export const previousResultSchema = z.strictObject({
  area: key('Das Gebiet'),
  contest: key('Die Kennung des Stimmzettels'),
  eligible: count().optional(),
  voters: count().optional(),
  invalid: count(),
  valid: count(),
  votes: z.record(z.string(), count()),
});

const previousElectionSchema = z.strictObject({
  name: text(),
  electionDay: isoDate(),
  results: z.array(previousResultSchema),
});

export const deadlinesSchema = z.strictObject({
  rollCutoffDay: isoDate().optional(),
  cardDeadline: isoDate().optional(),
  inspectionStart: isoDate().optional(),
  inspectionEnd: isoDate().optional(),
  applicationDeadline: isoDate().optional(),
  rollClosingEarliest: isoDate().optional(),
  rollClosingLatest: isoDate().optional(),
  postalApplicationDeadline: isoDate().optional(),
});

export const structureSchema = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z.enum(ELECTION_KINDS),
  name: text(),
  electionDay: isoDate(),
  deadlines: deadlinesSchema.optional(),
  municipality: municipalitySchema,
  constituency: constituencySchema.optional(),
  areas: z.array(areaSchema).optional(),
  pollingStations: z.array(pollingStationSchema),
  districts: z.array(districtSchema).min(1, 'Mindestens ein Wahlbezirk ist nötig.'),
  contests: z.array(contestSchema).min(1, 'Mindestens ein Stimmzettel ist nötig.'),
  streets: z.array(streetSchema),
  previousElection: previousElectionSchema.optional(),
});

/** An election in preparation (created on a screen, filled step by step) may have no districts or contests yet. */
export const draftStructureSchema = structureSchema.extend({ districts: z.array(districtSchema), contests: z.array(contestSchema) });

// The schema's output must be the contract type; this line fails to compile when they drift apart.
export const typedStructureSchema: z.ZodType<ElectionDefinition> = structureSchema;

// ---------------------------------------------------------------------------------------------
// German messages for zod's built-in issues (custom messages above take precedence).

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'Text',
  number: 'Zahl',
  int: 'ganze Zahl',
  boolean: 'true oder false',
  object: 'Objekt',
  array: 'Liste',
  record: 'Objekt',
  null: 'null',
};

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'Liste';
  const type = typeof input;
  return TYPE_NAMES[type] ?? type;
}

export const germanMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Pflichtangabe fehlt.';
      return `Erwartet: ${TYPE_NAMES[issue.expected] ?? issue.expected}; gefunden: ${describeInput(issue.input)}.`;
    case 'invalid_value':
      if (issue.values.length === 1) return `Erwartet wird ${JSON.stringify(issue.values[0])}.`;
      return `Ungültiger Wert ${JSON.stringify(issue.input)}; erlaubt: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.map((v) => JSON.stringify(v)).join(', ') : '';
        return `Unbekannte Art; erlaubt: ${options}.`;
      }
      return 'Ungültiger Wert.';
    case 'too_small':
      if (issue.origin === 'array') return `Mindestens ${String(issue.minimum)} Einträge sind nötig.`;
      if (issue.origin === 'string') return 'Darf nicht leer sein.';
      return `Muss mindestens ${String(issue.minimum)} sein.`;
    case 'too_big':
      if (issue.origin === 'array') return `Höchstens ${String(issue.maximum)} Einträge.`;
      if (issue.origin === 'string') return `Höchstens ${String(issue.maximum)} Zeichen.`;
      return `Darf höchstens ${String(issue.maximum)} sein.`;
    default:
      return 'Ungültiger Wert.';
  }
};

export type Issue = { readonly path: readonly PathSegment[]; readonly message: string };

export function structuralIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      // One error per unknown key, with the key in the path, so an editor can point at it.
      for (const k of issue.keys) out.push({ path: [...path, k], message: `Unbekanntes Feld „${k}“: im Schema nicht vorgesehen.` });
    } else {
      out.push({ path, message: issue.message });
    }
  }
  return out;
}
