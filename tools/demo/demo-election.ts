import type {
  Candidate,
  Contest,
  ContestList,
  District,
  ElectionDefinition,
  PollingStation,
  PreviousAreaResult,
  Street,
  StreetSegment,
} from '@wahl/domain';
import {
  GERMAN_FAMILY_NAMES,
  GERMAN_GIVEN_NAMES,
  createRng,
  createWeightedSampler,
  rankWeights,
  type Rng,
  type Sex,
} from '@wahl/register-generator';

// The demo election: Bundestagswahl in Wahlingen, a FICTIONAL town in Baden-Württemberg of about
// 50,000 residents. Everything here is invented; the AGS 08199001 belongs to no real municipality
// (there is no Kreis 199 in Regierungsbezirk Stuttgart). Deterministic: same code, same document.

export const DEMO_SEED = 'wahlingen-2029';
export const DEMO_TOWN = 'Wahlingen';
const TARGET_INHABITANTS = 50_000;
/** BWO § 12(2): a Wahlbezirk should not exceed 2,500 inhabitants (R2.1). */
const MAX_DISTRICT_INHABITANTS = 2_500;
const DISTRICTS_PER_QUARTER = 5;

type Quarter = {
  readonly code: string;
  readonly name: string;
  readonly postalCode: string;
  /** Relative voting profile per list id, applied to the base shares. */
  readonly profile: Readonly<Record<string, number>>;
  readonly streets: readonly string[];
};

// Eight quarters × 25 streets = 200 streets; quarter NN holds polling districts NN01–NN05 and postal district 91NN.
const QUARTERS: readonly Quarter[] = [
  {
    code: '01',
    name: 'Altstadt',
    postalCode: '71990',
    profile: { gruene: 1.25, 'die-linke': 1.15, afd: 0.85, cdu: 0.95 },
    streets: [
      'Marktplatz',
      'Marktstraße',
      'Rathausplatz',
      'Rathausstraße',
      'Kirchplatz',
      'Kirchgasse',
      'Kirchstraße',
      'Schloßstraße',
      'Schlossgasse',
      'Burgstraße',
      'Pfarrgasse',
      'Klosterstraße',
      'Spitalstraße',
      'Torstraße',
      'Mauerstraße',
      'Turmstraße',
      'Am Stadtgraben',
      'Zehntscheuerstraße',
      'Kronenstraße',
      'Löwenstraße',
      'Hirschstraße',
      'Ochsengasse',
      'Rößlestraße',
      'Hauptstraße',
      'Lange Straße',
    ],
  },
  {
    code: '02',
    name: 'Neckarvorstadt',
    postalCode: '71990',
    profile: { spd: 1.15, 'die-linke': 1.2, afd: 1.1, cdu: 0.9 },
    streets: [
      'Neckarstraße',
      'Uferstraße',
      'Am Neckarufer',
      'Brückenstraße',
      'Hafenstraße',
      'Kanalstraße',
      'Mühlstraße',
      'Mühlweg',
      'Bahnhofstraße',
      'Poststraße',
      'Badstraße',
      'Fabrikstraße',
      'Ziegeleistraße',
      'Kelterstraße',
      'Kelterplatz',
      'Seestraße',
      'Quellenstraße',
      'Brunnenstraße',
      'Bachgasse',
      'Am Bach',
      'Im Gässle',
      'Schafgasse',
      'Friedhofstraße',
      'Kurze Straße',
      'Neue Straße',
    ],
  },
  {
    code: '03',
    name: 'Oststadt',
    postalCode: '71992',
    profile: { gruene: 1.15, fdp: 1.1 },
    streets: [
      'Mozartstraße',
      'Beethovenstraße',
      'Bachstraße',
      'Schubertweg',
      'Brahmsweg',
      'Händelstraße',
      'Haydnweg',
      'Silcherstraße',
      'Stuttgarter Straße',
      'Esslinger Straße',
      'Schorndorfer Straße',
      'Waiblinger Straße',
      'Göppinger Straße',
      'Ulmer Straße',
      'Nürtinger Straße',
      'Backnanger Straße',
      'Marbacher Straße',
      'Ludwigsburger Straße',
      'Bietigheimer Straße',
      'Heilbronner Straße',
      'Jahnstraße',
      'Turnerstraße',
      'Sportplatzweg',
      'Bismarckstraße',
      'Kolpingstraße',
    ],
  },
  {
    code: '04',
    name: 'Weststadt',
    postalCode: '71990',
    profile: { gruene: 1.45, 'die-linke': 1.35, volt: 1.5, cdu: 0.8, afd: 0.75 },
    streets: [
      'Goethestraße',
      'Schillerstraße',
      'Schillerplatz',
      'Uhlandstraße',
      'Mörikestraße',
      'Hölderlinweg',
      'Hebelstraße',
      'Hauffstraße',
      'Schubartstraße',
      'Justinus-Kerner-Straße',
      'Lessingstraße',
      'Herderstraße',
      'Wielandstraße',
      'Eichendorffweg',
      'Heinestraße',
      'Kantstraße',
      'Hegelstraße',
      'Schellingstraße',
      'Melanchthonstraße',
      'Brenzstraße',
      'Martin-Luther-Straße',
      'Karlsruher Straße',
      'Pforzheimer Straße',
      'Calwer Straße',
      'Böblinger Straße',
    ],
  },
  {
    code: '05',
    name: 'Nordstadt',
    postalCode: '71992',
    profile: { afd: 1.35, spd: 1.2, bsw: 1.3, gruene: 0.7, fdp: 0.8 },
    streets: [
      'Keplerstraße',
      'Daimlerstraße',
      'Boschstraße',
      'Benzstraße',
      'Bertha-Benz-Straße',
      'Zeppelinstraße',
      'Dieselstraße',
      'Röntgenstraße',
      'Max-Planck-Straße',
      'Robert-Koch-Straße',
      'Otto-Hahn-Straße',
      'Lise-Meitner-Straße',
      'Marie-Curie-Straße',
      'Carl-Zeiss-Straße',
      'Gutenbergstraße',
      'Fraunhoferstraße',
      'Liebigstraße',
      'Paracelsusstraße',
      'Humboldtstraße',
      'Industriestraße',
      'Gewerbestraße',
      'Heidelberger Straße',
      'Mannheimer Straße',
      'Freiburger Straße',
      'Tübinger Straße',
    ],
  },
  {
    code: '06',
    name: 'Südstadt',
    postalCode: '71994',
    profile: {},
    streets: [
      'Friedrich-Ebert-Straße',
      'Konrad-Adenauer-Straße',
      'Theodor-Heuss-Straße',
      'Kurt-Schumacher-Straße',
      'Willy-Brandt-Platz',
      'Geschwister-Scholl-Straße',
      'Sophie-Scholl-Weg',
      'Graf-Stauffenberg-Straße',
      'Albert-Schweitzer-Straße',
      'Hildegard-von-Bingen-Weg',
      'Dürerstraße',
      'Reutlinger Straße',
      'Württemberger Straße',
      'Badener Straße',
      'Hohenstaufenstraße',
      'Staufenstraße',
      'Gartenstraße',
      'Gartenweg',
      'Feldstraße',
      'Ackerstraße',
      'Flurstraße',
      'Wiesenstraße',
      'Im Wiesengrund',
      'Im Ried',
      'Riedstraße',
    ],
  },
  {
    code: '07',
    name: 'Bergfeld',
    postalCode: '71994',
    profile: { cdu: 1.2, fdp: 1.45, afd: 0.8, 'die-linke': 0.7 },
    streets: [
      'Bergstraße',
      'Talstraße',
      'Waldstraße',
      'Sonnenhalde',
      'Am Sonnenhang',
      'Rebenweg',
      'Weinbergstraße',
      'Alte Steige',
      'Steigstraße',
      'Auf der Höhe',
      'Höhenstraße',
      'Panoramaweg',
      'Am Schlossberg',
      'Lindenstraße',
      'Lindenplatz',
      'Eichenweg',
      'Birkenweg',
      'Buchenweg',
      'Ahornweg',
      'Kastanienallee',
      'Ulmenweg',
      'Eschenweg',
      'Tannenweg',
      'Fichtenweg',
      'Kiefernweg',
    ],
  },
  {
    code: '08',
    name: 'Wiesental',
    postalCode: '71994',
    profile: { cdu: 1.1, afd: 1.15, 'freie-waehler': 1.4, gruene: 0.85 },
    streets: [
      'Erlenweg',
      'Weidenweg',
      'Pappelallee',
      'Holunderweg',
      'Haselnussweg',
      'Rosenstraße',
      'Tulpenweg',
      'Nelkenweg',
      'Lilienweg',
      'Veilchenweg',
      'Fliederweg',
      'Enzianweg',
      'Asternweg',
      'Amselweg',
      'Drosselweg',
      'Finkenweg',
      'Lerchenstraße',
      'Meisenweg',
      'Schwalbenweg',
      'Falkenstraße',
      'Spechtweg',
      'Kranichweg',
      'Storchenweg',
      'Eulenweg',
      'Zaunkönigweg',
    ],
  },
];

type StationSpec = Omit<PollingStation, 'address' | 'openingHours'> & { readonly street: string; readonly houseNumber: number };

// Ten polling stations, four polling districts each (in district order).
const STATIONS: readonly StationSpec[] = [
  { id: 'rathaus', name: 'Rathaus, Bürgersaal', street: 'Marktplatz', houseNumber: 1, barrierFree: true },
  {
    id: 'grundschule-altstadt',
    name: 'Grundschule Altstadt',
    street: 'Kirchgasse',
    houseNumber: 8,
    barrierFree: false,
    barrierFreeNote: 'Wahlraum im 1. Obergeschoss, kein Aufzug. Barrierefreier Wahlraum in der Nähe: Rathaus, Bürgersaal, Marktplatz 1.',
  },
  { id: 'neckarhalle', name: 'Neckarhalle', street: 'Uferstraße', houseNumber: 5, barrierFree: true },
  { id: 'mozartschule', name: 'Mozartschule (Grundschule)', street: 'Mozartstraße', houseNumber: 18, barrierFree: true },
  {
    id: 'schiller-gymnasium',
    name: 'Schiller-Gymnasium, Altbau',
    street: 'Schillerstraße',
    houseNumber: 30,
    barrierFree: false,
    barrierFreeNote:
      'Eingang über sechs Stufen ohne Rampe. Barrierefreier Wahlraum in der Nähe: Gemeinschaftsschule Nord, Keplerstraße 10.',
  },
  { id: 'gemeinschaftsschule-nord', name: 'Gemeinschaftsschule Nord', street: 'Keplerstraße', houseNumber: 10, barrierFree: true },
  { id: 'stadthalle', name: 'Stadthalle Wahlingen', street: 'Friedrich-Ebert-Straße', houseNumber: 2, barrierFree: true },
  { id: 'gemeindehaus-suedstadt', name: 'Evangelisches Gemeindehaus Südstadt', street: 'Gartenstraße', houseNumber: 7, barrierFree: true },
  { id: 'festhalle-bergfeld', name: 'Turn- und Festhalle Bergfeld', street: 'Waldstraße', houseNumber: 40, barrierFree: true },
  { id: 'buergerhaus-wiesental', name: 'Bürgerhaus Wiesental', street: 'Amselweg', houseNumber: 2, barrierFree: true },
];

type ListSpec = Omit<ContestList, 'ballotPosition' | 'candidates'> & {
  /** Base shares at the previous (2025) election in per cent, Erst- and Zweitstimme. */
  readonly first: number;
  readonly second: number;
};

// Ballot order as BWahlG § 30(3): by Zweitstimmen in the Land at the last election, then the others.
const LISTS: readonly ListSpec[] = [
  { id: 'cdu', shortName: 'CDU', name: 'Christlich Demokratische Union Deutschlands', color: '#000000', first: 36, second: 31.6 },
  { id: 'afd', shortName: 'AfD', name: 'Alternative für Deutschland', color: '#009ee0', first: 19.5, second: 19.8 },
  { id: 'spd', shortName: 'SPD', name: 'Sozialdemokratische Partei Deutschlands', color: '#e3000f', first: 16, second: 14.2 },
  { id: 'gruene', shortName: 'GRÜNE', name: 'BÜNDNIS 90/DIE GRÜNEN', color: '#46962b', first: 13.5, second: 13.6 },
  { id: 'die-linke', shortName: 'Die Linke', name: 'Die Linke', color: '#be3075', first: 5.5, second: 6.8 },
  { id: 'fdp', shortName: 'FDP', name: 'Freie Demokratische Partei', color: '#ffed00', first: 4, second: 5.6 },
  {
    id: 'bsw',
    shortName: 'BSW',
    name: 'Bündnis Sahra Wagenknecht – Vernunft und Gerechtigkeit',
    color: '#792351',
    first: 1.5,
    second: 4.1,
  },
  { id: 'freie-waehler', shortName: 'FREIE WÄHLER', name: 'FREIE WÄHLER', color: '#f29204', first: 1.5, second: 1.6 },
  {
    id: 'tierschutzpartei',
    shortName: 'Tierschutzpartei',
    name: 'PARTEI MENSCH UMWELT TIERSCHUTZ',
    color: '#006c6b',
    first: 0.4,
    second: 1.0,
  },
  { id: 'volt', shortName: 'Volt', name: 'Volt Deutschland', color: '#502379', first: 0.8, second: 0.9 },
  {
    id: 'die-partei',
    shortName: 'Die PARTEI',
    name: 'Partei für Arbeit, Rechtsstaat, Tierschutz, Elitenförderung und basisdemokratische Initiative',
    color: '#b5152b',
    first: 0.5,
    second: 0.5,
  },
  { id: 'oedp', shortName: 'ÖDP', name: 'Ökologisch-Demokratische Partei', color: '#ff6400', first: 0.6, second: 0.4 },
];

/** Ran in 2025 but not in the demo election: its previous results keep their own key. */
const RETIRED_LISTS: readonly { id: string; first: number; second: number }[] = [{ id: 'diebasis', first: 0.2, second: 0.3 }];

/** Postal voters lean differently from polling-station voters. */
const POSTAL_PROFILE: Readonly<Record<string, number>> = { cdu: 1.08, gruene: 1.12, fdp: 1.1, afd: 0.8, bsw: 0.9 };

const OCCUPATIONS: Readonly<Record<Sex, readonly string[]>> = {
  m: [
    'Rechtsanwalt',
    'Lehrer',
    'Diplom-Ingenieur',
    'Landwirt',
    'Krankenpfleger',
    'Unternehmer',
    'Softwareentwickler',
    'Schreinermeister',
    'Polizeibeamter',
    'Steuerberater',
    'Student',
    'Verwaltungswirt',
    'Arzt',
    'Mitglied des Bundestages',
  ],
  w: [
    'Rechtsanwältin',
    'Lehrerin',
    'Diplom-Ingenieurin',
    'Landwirtin',
    'Krankenpflegerin',
    'Unternehmerin',
    'Softwareentwicklerin',
    'Erzieherin',
    'Polizeibeamtin',
    'Steuerberaterin',
    'Studentin',
    'Verwaltungswirtin',
    'Ärztin',
    'Mitglied des Bundestages',
  ],
};

const LAND_LIST_RESIDENCES = [
  'Stuttgart',
  'Karlsruhe',
  'Mannheim',
  'Freiburg im Breisgau',
  'Heidelberg',
  'Ulm',
  'Heilbronn',
  'Pforzheim',
  'Reutlingen',
  'Tübingen',
  'Esslingen am Neckar',
  'Ludwigsburg',
  'Konstanz',
  DEMO_TOWN,
];

/** Simple, ICU-independent German sort key (DIN 5007 variant 1: ä = a, ß = ss). */
function sortKey(name: string): string {
  return name.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss');
}

/** Splits `total` in proportion to `weights` with integer parts (largest remainder; ties by position). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest-- <= 0) break;
    parts[i] = (parts[i] as number) + 1;
  }
  return parts;
}

function jitter(rng: Rng, spread: number): number {
  return 1 - spread + 2 * spread * rng.next();
}

type BuiltStreet = { readonly name: string; readonly quarter: Quarter; readonly houses: number; readonly weightPerHouse: number };

function buildStreetsOfQuarter(rng: Rng, quarter: Quarter, target: number): BuiltStreet[] {
  const stationMinimum = new Map(STATIONS.map((s) => [s.street, s.houseNumber + 1]));
  const raw = quarter.streets.map((name) => {
    const roll = rng.next();
    let houses = roll < 0.35 ? rng.int(3, 18) : roll < 0.8 ? rng.int(18, 60) : rng.int(60, 130);
    if (name === 'Hauptstraße') houses = 150;
    houses = Math.max(houses, stationMinimum.get(name) ?? 0);
    // Apartment blocks and terraced rows: some streets house many more people per number.
    return { name, houses, density: 0.5 + 1.3 * rng.next() };
  });
  const capacity = raw.reduce((sum, s) => sum + s.houses * s.density, 0);
  return raw.map((s) => ({ name: s.name, quarter, houses: s.houses, weightPerHouse: (s.density * target) / capacity }));
}

type DistrictFill = { readonly number: string; inhabitants: number };

/** Cuts the quarter's streets into segments of five polling districts of about equal size. */
function segmentQuarter(
  rng: Rng,
  quarter: Quarter,
  streets: readonly BuiltStreet[],
  total: number,
): { segments: Map<string, StreetSegment[]>; districts: DistrictFill[] } {
  const targets = apportion(
    Math.round(total),
    Array.from({ length: DISTRICTS_PER_QUARTER }, () => jitter(rng, 0.15)),
  );
  const districts: DistrictFill[] = targets.map((_, i) => ({ number: `${quarter.code}${String(i + 1).padStart(2, '0')}`, inhabitants: 0 }));
  const segments = new Map<string, StreetSegment[]>();
  let d = 0;
  let capacity = targets[0] as number;
  const add = (street: BuiltStreet, segment: Omit<StreetSegment, 'district'>, houses: number, district: number): void => {
    const fill = districts[district] as DistrictFill;
    const list = segments.get(street.name) ?? [];
    list.push({ ...segment, district: fill.number });
    segments.set(street.name, list);
    fill.inhabitants += houses * street.weightPerHouse;
  };
  const nextDistrict = (): void => {
    d++;
    capacity += targets[d] as number;
  };
  for (const street of streets) {
    const w = street.weightPerHouse;
    const n = street.houses;
    let pos = 1;
    let fromLabel = '1';
    while (pos <= n) {
      const remaining = (n - pos + 1) * w;
      const isLast = d === DISTRICTS_PER_QUARTER - 1;
      if (isLast || remaining <= capacity + w / 2) {
        // A few streets end with a lettered number (e.g. "48a") that belongs to the last segment.
        const toLabel = rng.chance(0.1) ? `${n}a` : String(n);
        add(street, { from: fromLabel, to: toLabel, parity: 'all' }, n - pos + 1, d);
        capacity -= remaining;
        break;
      }
      if (pos === 1 && n >= 16 && capacity >= 0.3 * remaining && capacity <= 0.7 * remaining && rng.chance(0.6)) {
        // The street is the boundary: odd numbers on one side, even numbers on the other.
        const odd = Math.ceil(n / 2);
        const even = Math.floor(n / 2);
        add(street, { from: '1', to: String(n % 2 === 1 ? n : n - 1), parity: 'odd' }, odd, d);
        add(street, { from: '2', to: String(n % 2 === 0 ? n : n - 1), parity: 'even' }, even, d + 1);
        capacity -= n * w;
        nextDistrict();
        break;
      }
      const fit = Math.floor(capacity / w);
      if (fit <= 0) {
        nextDistrict();
        continue;
      }
      const last = pos + fit - 1;
      // Sometimes one number is split: "12" and "12a" stay, "12b" onwards goes to the next district
      // (an upper bound without letter would cover 12a, 12b … as well).
      const splitNumber = rng.chance(0.3);
      add(street, { from: fromLabel, to: splitNumber ? `${last}a` : String(last), parity: 'all' }, fit, d);
      capacity -= fit * w;
      fromLabel = splitNumber ? `${last}b` : String(last + 1);
      pos = last + 1;
      nextDistrict();
    }
  }
  return { segments, districts };
}

function buildCandidate(rng: Rng, position: number, residence: string): Candidate {
  const sex: Sex = rng.chance(0.45) ? 'w' : 'm';
  const birthYear = rng.int(1956, 2001);
  const cohort = birthYear < 1960 ? 'born-before-1960' : birthYear < 1990 ? 'born-1960-1989' : 'born-1990-or-later';
  const givenPool = GERMAN_GIVEN_NAMES[cohort][sex];
  const familySampler = createWeightedSampler(rankWeights(GERMAN_FAMILY_NAMES.length));
  return {
    position,
    familyName: GERMAN_FAMILY_NAMES[familySampler(rng)] as string,
    givenNames: rng.pick(givenPool),
    ...(rng.chance(0.18) ? { title: 'Dr.' } : {}),
    occupation: rng.pick(OCCUPATIONS[sex]),
    birthYear,
    residence,
  };
}

function buildContests(rng: Rng): Contest[] {
  const direct = LISTS.map((list, i) => ({
    id: list.id,
    ballotPosition: i + 1,
    shortName: list.shortName,
    name: list.name,
    color: list.color,
    candidates: [buildCandidate(rng, 1, DEMO_TOWN)],
  }));
  const landLists = LISTS.map((list, i) => ({
    id: list.id,
    ballotPosition: i + 1,
    shortName: list.shortName,
    name: list.name,
    color: list.color,
    candidates: Array.from({ length: 5 }, (_, k) => buildCandidate(rng, k + 1, rng.pick(LAND_LIST_RESIDENCES))),
  }));
  return [
    { id: 'erststimme', name: 'Erststimme', ballotType: 'candidate', votesPerBallot: 1, maxVotesPerCandidate: 1, lists: direct },
    { id: 'zweitstimme', name: 'Zweitstimme', ballotType: 'list', votesPerBallot: 1, maxVotesPerCandidate: 1, lists: landLists },
  ];
}

type AreaTurnout = { area: string; eligible?: number; voters: number; profile: Readonly<Record<string, number>> };

function areaResults(rng: Rng, area: AreaTurnout): PreviousAreaResult[] {
  const ids = [...LISTS.map((l) => l.id), ...RETIRED_LISTS.map((l) => l.id)];
  const base = [...LISTS, ...RETIRED_LISTS];
  return (['erststimme', 'zweitstimme'] as const).map((contest) => {
    const invalidRate = contest === 'erststimme' ? 0.006 + 0.008 * rng.next() : 0.003 + 0.006 * rng.next();
    const invalid = Math.round(area.voters * invalidRate);
    const valid = area.voters - invalid;
    const weights = base.map((l) => (contest === 'erststimme' ? l.first : l.second) * (area.profile[l.id] ?? 1) * jitter(rng, 0.12));
    const votes = apportion(valid, weights);
    return {
      area: area.area,
      contest,
      ...(area.eligible !== undefined ? { eligible: area.eligible } : {}),
      voters: area.voters,
      invalid,
      valid,
      votes: Object.fromEntries(ids.map((id, i) => [id, votes[i] as number])),
    };
  });
}

function sumResults(area: string, eligible: number, rows: readonly PreviousAreaResult[]): PreviousAreaResult[] {
  return (['erststimme', 'zweitstimme'] as const).map((contest) => {
    const ofContest = rows.filter((r) => r.contest === contest);
    const votes: Record<string, number> = {};
    for (const row of ofContest) for (const [id, n] of Object.entries(row.votes)) votes[id] = (votes[id] ?? 0) + n;
    return {
      area,
      contest,
      eligible,
      voters: ofContest.reduce((s, r) => s + (r.voters ?? 0), 0),
      invalid: ofContest.reduce((s, r) => s + r.invalid, 0),
      valid: ofContest.reduce((s, r) => s + r.valid, 0),
      votes,
    };
  });
}

export function buildDemoElection(): ElectionDefinition {
  const rng = createRng(DEMO_SEED);
  const streetRng = rng.fork('streets');
  const quarterTargets = apportion(
    TARGET_INHABITANTS,
    QUARTERS.map(() => jitter(streetRng, 0.12)),
  );

  const allStreets: { street: BuiltStreet; segments: StreetSegment[] }[] = [];
  const fills: DistrictFill[] = [];
  QUARTERS.forEach((quarter, q) => {
    const target = quarterTargets[q] as number;
    const streets = buildStreetsOfQuarter(streetRng, quarter, target);
    const { segments, districts } = segmentQuarter(streetRng, quarter, streets, target);
    fills.push(...districts);
    for (const street of streets) allStreets.push({ street, segments: segments.get(street.name) ?? [] });
  });

  // Straßenschlüssel in alphabetical order, in steps of 10 as registers leave gaps for new streets.
  const sorted = [...allStreets].sort((a, b) => (sortKey(a.street.name) < sortKey(b.street.name) ? -1 : 1));
  const names = new Set(sorted.map((s) => s.street.name));
  if (names.size !== sorted.length) throw new Error('street names must be unique');
  const streets: Street[] = sorted.map((s, i) => ({
    key: String((i + 1) * 10).padStart(5, '0'),
    name: s.street.name,
    postalCode: s.street.quarter.postalCode,
    segments: s.segments,
  }));

  const streetByName = new Map(streets.map((s) => [s.name, s]));
  const pollingStations: PollingStation[] = STATIONS.map(({ street, houseNumber, ...station }) => ({
    ...station,
    address: { street, houseNumber: String(houseNumber), postalCode: (streetByName.get(street) as Street).postalCode, city: DEMO_TOWN },
    openingHours: '08:00–18:00',
  }));

  const districts: District[] = [];
  fills.forEach((fill, i) => {
    const inhabitants = Math.round(fill.inhabitants);
    if (inhabitants > MAX_DISTRICT_INHABITANTS) throw new Error(`district ${fill.number} has ${inhabitants} inhabitants (R2.1)`);
    const quarter = QUARTERS[Math.floor(i / DISTRICTS_PER_QUARTER)] as Quarter;
    districts.push({
      number: fill.number,
      name: `${quarter.name} ${(i % DISTRICTS_PER_QUARTER) + 1}`,
      kind: 'polling',
      pollingStationId: (STATIONS[Math.floor(i / 4)] as StationSpec).id,
      postalDistrict: `91${quarter.code}`,
      inhabitants,
    });
  });
  for (const quarter of QUARTERS) districts.push({ number: `91${quarter.code}`, name: `Briefwahl ${quarter.name}`, kind: 'postal' });

  const contests = buildContests(rng.fork('candidates'));

  // Previous election (Bundestagswahl 2025) per district: urn voters in the polling districts,
  // postal voters of the same people in the linked postal district (R2.5: no eligible voters there).
  const resultRng = rng.fork('previous');
  const rows: PreviousAreaResult[] = [];
  let eligibleTotal = 0;
  QUARTERS.forEach((quarter, q) => {
    let postalVoters = 0;
    for (let k = 0; k < DISTRICTS_PER_QUARTER; k++) {
      const fill = fills[q * DISTRICTS_PER_QUARTER + k] as DistrictFill;
      const eligible = Math.round(fill.inhabitants * (0.66 + 0.08 * resultRng.next()));
      eligibleTotal += eligible;
      const voters = Math.round(eligible * (0.42 + 0.14 * resultRng.next()));
      postalVoters += Math.round(eligible * (0.27 + 0.09 * resultRng.next()));
      rows.push(...areaResults(resultRng, { area: fill.number, eligible, voters, profile: quarter.profile }));
    }
    const profile: Record<string, number> = { ...quarter.profile };
    for (const [id, factor] of Object.entries(POSTAL_PROFILE)) profile[id] = (profile[id] ?? 1) * factor;
    rows.push(...areaResults(resultRng, { area: `91${quarter.code}`, voters: postalVoters, profile }));
  });

  return {
    schemaVersion: 1,
    kind: 'bundestag',
    name: 'Bundestagswahl 2029 – Demo (fiktive Stadt Wahlingen)',
    // Art. 39(1) GG: 46–48 months after the Bundestag first met (25.03.2025); a Sunday.
    electionDay: '2029-02-25',
    municipality: {
      ags: '08199001',
      name: 'Stadt Wahlingen',
      contact: {
        office: 'Wahlamt der Stadt Wahlingen (fiktive Demo-Gemeinde, alle Daten erfunden)',
        address: { street: 'Marktplatz', houseNumber: '1', postalCode: '71990', city: DEMO_TOWN },
        email: 'wahlamt@wahlingen.example',
        website: 'https://www.wahlingen.example',
      },
    },
    constituency: { number: '999', name: 'Wahlingen (fiktiv)' },
    pollingStations,
    districts,
    contests,
    streets,
    previousElection: {
      name: 'Bundestagswahl 2025',
      electionDay: '2025-02-23',
      results: [...sumResults('municipality', eligibleTotal, rows), ...rows],
    },
  };
}
