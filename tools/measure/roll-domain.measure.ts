// Measures the pure roll functions at municipal scale (1,000,000 residents). Synthetic data only.
// Run: npx tsx tools/measure/roll-domain.measure.ts
import { formatCsvLine } from '../../libs/domain/src/roll/csv-line';
import { decideRollEntry } from '../../libs/domain/src/roll/eligibility';
import { parseRegisterHeader, parseRegisterLine, REGISTER_COLUMNS, type RegisterRecord } from '../../libs/domain/src/roll/register-record';
import { numberVoters } from '../../libs/domain/src/roll/voter-numbering';

const COUNT = Number(process.argv[2] ?? 1_000_000);

const time = <T>(label: string, fn: () => T): T => {
  const start = process.hrtime.bigint();
  const result = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${label}: ${ms.toFixed(0)} ms (${((ms * 1000) / COUNT).toFixed(2)} µs per resident)`);
  return result;
};

// Small deterministic PRNG (mulberry32) so every run measures the same data.
const SEED = 20250223;
let seed = SEED;
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const stems = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Özdemir',
  'Straße',
  'Kovačević',
  "O'Brien",
  'de la Cruz',
  'Nguyen',
];
const suffixes = ['', 'er', 'mann', '-Lüdenscheidt', 'l', 'ing', 'ski', 'o', 'é'];
const given = ['Anna', 'Änne', 'Jan', 'Jan-Erik', 'Lukas', 'Zoë', 'Mehmet', 'Sophie', 'Maximilian', 'Ilkay', 'Łucja'];
const familyNames = Array.from(
  { length: 20_000 },
  (_, i) => `${pick(stems)}${pick(suffixes)}${i % 7 === 0 ? '' : String.fromCharCode(97 + (i % 26))}`,
);

const pad = (n: number) => String(n).padStart(2, '0');
const makeRecord = (i: number) => ({
  person_id: `P${String(i).padStart(8, '0')}`,
  familienname: pick(familyNames),
  vornamen: `${pick(given)} ${pick(given)}`,
  geburtsname: '',
  geburtsdatum: `${pad(1 + Math.floor(random() * 28))}.${pad(1 + Math.floor(random() * 12))}.${1930 + Math.floor(random() * 90)}`,
  geschlecht: pick(['m', 'w', 'd', '']),
  staatsangehoerigkeiten: pick(['DE', 'DE', 'DE', 'DE,TR', 'FR', 'TR', 'PL', '']),
  strassenschluessel: String(1000 + Math.floor(random() * 800)),
  strasse: 'Hauptstraße',
  hausnummer: String(1 + Math.floor(random() * 200)),
  hausnummerzusatz: pick(['', '', 'a']),
  plz: '79098',
  ort: 'Freiburg im Breisgau',
  wohnungsstatus: pick(['H', 'H', 'H', 'N']),
  zuzugsdatum: pick(['', '2024-12-01', '2010-05-05']),
  zuzug_aus_ausland: '0',
  auskunftssperre: '0',
  wahlrechtsausschluss: '0',
});
// Lines are generated one at a time, as a stream would deliver them; only parsed records stay alive.
const makeLine = (i: number) => {
  const record = makeRecord(i);
  return formatCsvLine(REGISTER_COLUMNS.map((c) => record[c]));
};
const generate = time('generate lines (not part of the domain)', () => {
  seed = SEED;
  let chars = 0;
  for (let i = 0; i < COUNT; i++) chars += makeLine(i).length;
  return chars;
});
console.log(`average line length ${(generate / COUNT).toFixed(0)} characters`);

const header = parseRegisterHeader(REGISTER_COLUMNS.join(';'));
if (!header.ok) throw new Error('header');
const parsed = time('generate + parseRegisterLine', () => {
  seed = SEED;
  const out: RegisterRecord[] = [];
  for (let i = 0; i < COUNT; i++) {
    const result = parseRegisterLine(makeLine(i), header.value, i + 2);
    if (result.ok) out.push(result.value);
  }
  return out;
});
const entered = time('decideRollEntry (gemeinderat-bw)', () =>
  parsed.filter((r) => decideRollEntry(r, 'gemeinderat-bw', '2024-06-09', '2024-05-05').entered),
);
// Numbering is measured on every parsed resident (about a million), not only the entered ones.
const voters = parsed.map((r) => ({
  personId: r.personId,
  familyName: r.familyName,
  givenNames: r.givenNames,
  birthDate: r.birthDate,
  district: String(1 + (Number(r.streetKey) % 400)),
}));
const heapBefore = process.memoryUsage().heapUsed;
const numbered = time(`numberVoters (${voters.length} voters, 400 districts)`, () => numberVoters(voters));
const heapAfter = process.memoryUsage().heapUsed;
const single = time(`numberVoters (${voters.length} voters, one district)`, () =>
  numberVoters(voters.map((v) => ({ ...v, district: '1' }))),
);
console.log(
  `parsed ${parsed.length}, entered ${entered.length}, numbered ${numbered.ok ? numbered.value.length : 'error'} / ${single.ok ? single.value.length : 'error'}`,
);
console.log(`heap growth during the first numbering: ${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB`);
