import type { ElectionDefinition } from '@wahl/domain';
import { buildAddressBook, type Address } from './address-book';
import { AGE_WEIGHTS, MAX_AGE } from './age-pyramid';
import { addMonths, civilFromDays, daysFromIso } from './civil-date';
import {
  FOREIGN_NAME_POOLS,
  GERMAN_FAMILY_NAMES,
  GERMAN_GIVEN_NAMES,
  GERMAN_NOBLE_FAMILY_NAMES,
  cohortOf,
  rankWeights,
  type Sex,
} from './name-pools';
import { DUAL_SECOND_NATIONALITIES, FOREIGN_NATIONALITIES, type Nationality } from './nationalities';
import { createRng, createWeightedSampler, type Rng } from './prng';

// Synthetic residents for the resident-register extract. Households are generated as a whole
// (a couple, their children, one address, one family name) so that the register looks like a town,
// and the shares (age pyramid, foreigners, movers) come out like Germany's. Deterministic per seed.

export type Gender = Sex | 'd';

export type Resident = {
  readonly personId: string;
  readonly familyName: string;
  readonly givenNames: string;
  /** '' when the birth name equals the family name. */
  readonly birthName: string;
  /** Days since 1970-01-01. */
  readonly birthDay: number;
  readonly gender: Gender;
  /** ISO 3166-1 alpha-2, Germans first (`DE,TR`). */
  readonly nationalities: readonly string[];
  readonly streetKey: string;
  readonly street: string;
  readonly houseNumber: number;
  readonly houseNumberSuffix: string;
  readonly postalCode: string;
  readonly city: string;
  readonly dwellingStatus: 'H' | 'N';
  /** Day of the move into the municipality; null: living here since birth. */
  readonly moveInDay: number | null;
  /** The move on `moveInDay` came from abroad. */
  readonly movedInFromAbroad: boolean;
  readonly informationBlock: boolean;
  readonly excludedFromVoting: boolean;
  /** Not a register column: placed on a house number outside every segment on purpose. */
  readonly deliberatelyUnmatched: boolean;
};

export type RegisterDates = {
  readonly electionDay: number;
  /** The day the extract is taken: after the Stichtag (day 42, R1.7), so some later movers appear. */
  readonly extractDay: number;
  /** Moves on or after this day count as recent: less than three months before election day (R1.6). */
  readonly recentFrom: number;
};

export function registerDates(definition: ElectionDefinition): RegisterDates {
  const electionDay = daysFromIso(definition.electionDay);
  return { electionDay, extractDay: electionDay - 35, recentFrom: addMonths(electionDay, -3) };
}

export type GeneratorOptions = { readonly residents: number; readonly seed: string };

/** Households per 10,000 residents placed at an address outside every segment. */
const UNMATCHED_PER_10000 = 1;

/** A handful of deliberately unmatched households: 1 per 10,000 residents, at least 3 (1 in tiny runs). */
export function unmatchedHouseholds(residents: number): number {
  if (residents <= 0) return 0;
  return Math.max(Math.min(3, Math.ceil(residents / 1000)), Math.round((residents * UNMATCHED_PER_10000) / 10_000));
}

// Shares, tuned so that 20,000 residents come out near the German figures (see the spec).
const SHARE = {
  foreignHousehold: 0.15,
  dualHousehold: 0.03,
  recentHousehold: 0.02,
  nativeHousehold: 0.3,
  fromAbroadForeign: 0.55,
  fromAbroadGerman: 0.04,
  informationBlock: 0.005,
  courtExclusion: 0.0002,
  genderDiverse: 0.0003,
  secondGivenName: 0.25,
  nobleName: 0.01,
  doubleFamilyName: 0.02,
  houseNumberSuffix: 0.06,
} as const;

type Role = 'head' | 'partner' | 'child' | 'other';
type Member = { age: number; sex: Sex; role: Role };
type HouseholdType = 'single' | 'couple' | 'couple-kids' | 'single-parent' | 'flatshare' | 'couple-adult-child';

// Household type by the head's age (Mikrozensus-like): families in the middle years, singles young and old.
const TYPES_BY_AGE: readonly { readonly upTo: number; readonly types: readonly [HouseholdType, number][] }[] = [
  {
    upTo: 24,
    types: [
      ['single', 55],
      ['flatshare', 25],
      ['couple', 12],
      ['couple-kids', 8],
    ],
  },
  {
    upTo: 34,
    types: [
      ['single', 36],
      ['couple', 22],
      ['couple-kids', 34],
      ['single-parent', 8],
    ],
  },
  {
    upTo: 54,
    types: [
      ['single', 22],
      ['couple', 13],
      ['couple-kids', 55],
      ['single-parent', 10],
    ],
  },
  {
    upTo: 64,
    types: [
      ['single', 36],
      ['couple', 46],
      ['couple-adult-child', 18],
    ],
  },
  {
    upTo: 79,
    types: [
      ['single', 30],
      ['couple', 70],
    ],
  },
  {
    upTo: MAX_AGE,
    types: [
      ['single', 60],
      ['couple', 40],
    ],
  },
];

const CHILD_COUNTS: readonly number[] = [0, 48, 38, 11, 3];
const OLD_HEAD_BOOST = 1.12;

type Samplers = {
  readonly headAge: (rng: Rng) => number;
  readonly typeByBand: readonly ((rng: Rng) => number)[];
  readonly childCount: (rng: Rng) => number;
  readonly foreign: (rng: Rng) => number;
  readonly dual: (rng: Rng) => number;
  readonly germanFamily: (rng: Rng) => number;
  readonly address: (rng: Rng) => number;
};

/** Cumulative pyramid weights, for an age drawn from a range in O(log n). */
const CUMULATIVE_AGE: readonly number[] = AGE_WEIGHTS.reduce<number[]>((acc, w) => [...acc, (acc[acc.length - 1] ?? 0) + w], [0]);

export function sampleAge(rng: Rng, from: number, to: number): number {
  const lo = Math.max(0, Math.min(from, MAX_AGE));
  const hi = Math.max(lo, Math.min(to, MAX_AGE));
  const start = CUMULATIVE_AGE[lo] as number;
  const target = start + rng.next() * ((CUMULATIVE_AGE[hi + 1] as number) - start);
  let low = lo;
  let high = hi;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((CUMULATIVE_AGE[mid + 1] as number) <= target) low = mid + 1;
    else high = mid;
  }
  return low;
}

const otherSex = (sex: Sex): Sex => (sex === 'm' ? 'w' : 'm');

function composeHousehold(rng: Rng, samplers: Samplers): Member[] {
  const headAge = samplers.headAge(rng);
  const band = TYPES_BY_AGE.findIndex((b) => headAge <= b.upTo);
  const types = (TYPES_BY_AGE[band] as (typeof TYPES_BY_AGE)[number]).types;
  const drawType = samplers.typeByBand[band] as (rng: Rng) => number;
  const type = (types[drawType(rng)] as [HouseholdType, number])[0];
  const head: Member = { age: headAge, sex: rng.chance(0.5) ? 'm' : 'w', role: 'head' };
  const members: Member[] = [head];
  const partner = (): void => {
    const age = Math.min(MAX_AGE, Math.max(18, headAge + rng.int(-6, 6)));
    members.push({ age, sex: rng.chance(0.96) ? otherSex(head.sex) : head.sex, role: 'partner' });
  };
  const children = (count: number, minAge: number, maxAge: number): void => {
    for (let i = 0; i < count; i++) members.push({ age: sampleAge(rng, minAge, maxAge), sex: rng.chance(0.5) ? 'm' : 'w', role: 'child' });
  };
  // Children are born when the parent is 18 to 45; they may still live at home up to about 26.
  const youngest = Math.max(0, headAge - 45);
  const oldest = Math.max(youngest, Math.min(headAge - 18, 26));
  switch (type) {
    case 'single':
      break;
    case 'couple':
      partner();
      break;
    case 'couple-kids':
      partner();
      children(samplers.childCount(rng), youngest, oldest);
      break;
    case 'single-parent':
      children(samplers.childCount(rng), youngest, oldest);
      break;
    case 'couple-adult-child':
      partner();
      children(1, 18, Math.max(18, Math.min(headAge - 20, 35)));
      break;
    case 'flatshare':
      for (let i = rng.int(1, 2); i > 0; i--) members.push({ age: rng.int(19, 30), sex: rng.chance(0.5) ? 'm' : 'w', role: 'other' });
      break;
  }
  return members;
}

/** Birth day for `age` completed years on election day, born before the extract was taken. */
function birthDayFor(rng: Rng, age: number, dates: RegisterDates): number {
  const latest = Math.min(addMonths(dates.electionDay, -12 * age), dates.extractDay - 1);
  const earliest = addMonths(dates.electionDay, -12 * (age + 1)) + 1;
  return rng.int(earliest, Math.max(earliest, latest));
}

type NameSource = { readonly pool: string; readonly nationality: Nationality | null };

function givenName(rng: Rng, source: NameSource, sex: Sex, birthDay: number): string {
  const foreign = source.pool === 'de' ? undefined : FOREIGN_NAME_POOLS[source.pool];
  const pool = foreign ? foreign.givenNames[sex] : GERMAN_GIVEN_NAMES[cohortOf(civilFromDays(birthDay).year)][sex];
  const first = rng.pick(pool);
  if (!rng.chance(SHARE.secondGivenName)) return first;
  const second = rng.pick(pool);
  return second === first || second.includes('-') || first.includes('-') ? first : `${first} ${second}`;
}

function familyName(rng: Rng, source: NameSource, samplers: Samplers): string {
  const foreign = source.pool === 'de' ? undefined : FOREIGN_NAME_POOLS[source.pool];
  if (foreign) return rng.pick(foreign.familyNames);
  if (rng.chance(SHARE.nobleName)) return rng.pick(GERMAN_NOBLE_FAMILY_NAMES);
  const name = GERMAN_FAMILY_NAMES[samplers.germanFamily(rng)] as string;
  if (!rng.chance(SHARE.doubleFamilyName)) return name;
  const second = GERMAN_FAMILY_NAMES[samplers.germanFamily(rng)] as string;
  return second === name ? name : `${name}-${second}`;
}

type Pending = Omit<
  Resident,
  'personId' | 'streetKey' | 'street' | 'houseNumber' | 'houseNumberSuffix' | 'postalCode' | 'city' | 'deliberatelyUnmatched'
>;

function buildHousehold(rng: Rng, samplers: Samplers, dates: RegisterDates): Pending[] {
  const members = composeHousehold(rng, samplers);
  const kind = rng.next();
  const foreign = kind < SHARE.foreignHousehold ? (FOREIGN_NATIONALITIES[samplers.foreign(rng)] as Nationality) : null;
  const dual =
    !foreign && kind < SHARE.foreignHousehold + SHARE.dualHousehold ? (DUAL_SECOND_NATIONALITIES[samplers.dual(rng)] as Nationality) : null;
  const householdSource: NameSource = foreign
    ? { pool: foreign.namePool, nationality: foreign }
    : dual && rng.chance(0.7)
      ? { pool: dual.namePool, nationality: dual }
      : { pool: 'de', nationality: null };
  const mixedCouple = foreign !== null && rng.chance(0.2);

  const birthDays = members.map((m) => birthDayFor(rng, m.age, dates));
  const nationalities = members.map((m): string[] => {
    if (foreign) {
      if (m.role === 'partner' && mixedCouple) return ['DE'];
      // Children of a mixed couple are German by descent; others may hold both since birth (StAG § 4(3)).
      if (m.role === 'child') return mixedCouple ? ['DE', foreign.code] : rng.chance(0.25) ? ['DE', foreign.code] : [foreign.code];
      return [foreign.code];
    }
    if (dual) {
      if (m.role === 'partner') return rng.chance(0.5) ? ['DE', dual.code] : ['DE'];
      if (m.role === 'child') return rng.chance(0.6) ? ['DE', dual.code] : ['DE'];
      return ['DE', dual.code];
    }
    return ['DE'];
  });
  const genders = members.map((m): Gender => (m.age >= 14 && rng.chance(SHARE.genderDiverse) ? 'd' : m.sex));

  // Names: a married couple shares one name (mostly the man's birth name); the spouse who took it
  // keeps the birth name as Geburtsname, sometimes joined to the new name (Begleitname).
  const birthFamily = members.map((m) =>
    m.role === 'partner' && mixedCouple
      ? familyName(rng, { pool: 'de', nationality: null }, samplers)
      : familyName(rng, householdSource, samplers),
  );
  const names = members.map((_, i) => ({ family: birthFamily[i] as string, birth: '' }));
  const partnerIndex = members.findIndex((m) => m.role === 'partner');
  let childName = birthFamily[0] as string;
  if (partnerIndex > 0 && rng.chance(0.8)) {
    const head = members[0] as Member;
    const partner = members[partnerIndex] as Member;
    const giver = head.sex === partner.sex ? 0 : (head.sex === 'm') === rng.chance(0.8) ? 0 : partnerIndex;
    const taker = giver === 0 ? partnerIndex : 0;
    const married = birthFamily[giver] as string;
    const own = birthFamily[taker] as string;
    if (own !== married) {
      names[taker] = {
        family: rng.chance(0.12) && !own.includes('-') && !married.includes('-') ? `${married}-${own}` : married,
        birth: own,
      };
    }
    childName = married;
  }
  members.forEach((m, i) => {
    if (m.role === 'child') names[i] = { family: childName, birth: '' };
    // Divorced or widowed and kept the married name.
    else if (m.role === 'head' && partnerIndex < 0 && m.age >= 35 && householdSource.pool === 'de' && rng.chance(0.12)) {
      const birth = familyName(rng, householdSource, samplers);
      if (birth !== names[i]?.family) names[i] = { family: names[i]?.family as string, birth };
    }
  });

  // Moving in: recent movers (last three months, R1.6), natives (since birth), or years ago.
  const recent = rng.chance(SHARE.recentHousehold);
  const native = !recent && !foreign && rng.chance(SHARE.nativeHousehold);
  const headBorn = birthDays[0] as number;
  const adultFrom = addMonths(headBorn, 12 * 18);
  const span = Math.max(0, Math.min(dates.recentFrom - 1 - adultFrom, 40 * 365));
  const householdMoveIn = recent ? rng.int(dates.recentFrom, dates.extractDay) : dates.recentFrom - 1 - rng.int(0, span);
  const fromAbroad = rng.chance(foreign ? SHARE.fromAbroadForeign : SHARE.fromAbroadGerman);
  const blocked = rng.chance(SHARE.informationBlock);
  const singleYoung = members.length === 1 && (members[0] as Member).age >= 19 && (members[0] as Member).age <= 32;
  const secondary = members.length === 1 && rng.chance(singleYoung ? 0.3 : 0.01);

  return members.map((m, i) => {
    const born = birthDays[i] as number;
    // Natives have lived here since birth; a native's partner moved in later, on their own.
    let moveIn: number | null = born >= householdMoveIn ? null : householdMoveIn;
    if (native) moveIn = m.role === 'partner' ? Math.max(born + 1, householdMoveIn) : null;
    const nation = nationalities[i] as string[];
    return {
      familyName: names[i]?.family as string,
      givenNames: givenName(rng, m.role === 'partner' && mixedCouple ? { pool: 'de', nationality: null } : householdSource, m.sex, born),
      birthName: names[i]?.birth as string,
      birthDay: born,
      gender: genders[i] as Gender,
      nationalities: nation,
      dwellingStatus: secondary ? 'N' : 'H',
      moveInDay: moveIn,
      movedInFromAbroad: moveIn !== null && moveIn === householdMoveIn && !native && fromAbroad,
      informationBlock: blocked,
      excludedFromVoting: m.age >= 18 && nation[0] === 'DE' && rng.chance(SHARE.courtExclusion),
    };
  });
}

function createSamplers(definitionAddresses: readonly number[]): Samplers {
  return {
    // Younger heads bring children and partners; older heads are boosted so persons match the pyramid.
    headAge: createWeightedSampler(AGE_WEIGHTS.map((w, age) => (age < 18 ? 0 : age >= 65 ? w * OLD_HEAD_BOOST : w))),
    typeByBand: TYPES_BY_AGE.map((band) => createWeightedSampler(band.types.map(([, w]) => w))),
    childCount: createWeightedSampler(CHILD_COUNTS),
    foreign: createWeightedSampler(FOREIGN_NATIONALITIES.map((n) => n.weight)),
    dual: createWeightedSampler(DUAL_SECOND_NATIONALITIES.map((n) => n.weight)),
    germanFamily: createWeightedSampler(rankWeights(GERMAN_FAMILY_NAMES.length)),
    address: createWeightedSampler(definitionAddresses),
  };
}

/** The city name residents live in: the contact address's city, else the municipality's name. */
export function cityOf(definition: ElectionDefinition): string {
  return definition.municipality.contact?.address.city ?? definition.municipality.name.replace(/^(Stadt|Gemeinde)\s+/, '');
}

/**
 * Streams `residents` residents, household by household. The seed fixes everything; the same seed
 * and document give the same residents in the same order.
 */
export function* generateResidents(definition: ElectionDefinition, options: GeneratorOptions): Generator<Resident> {
  if (!Number.isInteger(options.residents) || options.residents < 0) throw new Error('residents must be a non-negative integer');
  const book = buildAddressBook(definition);
  const samplers = createSamplers(book.weights);
  const dates = registerDates(definition);
  const city = cityOf(definition);
  const rng = createRng(`register:${options.seed}`);
  // Deliberately unmatched: the household that starts after each of these person counts.
  const unmatchedCount = unmatchedHouseholds(options.residents);
  const unmatchedAt = Array.from({ length: unmatchedCount }, (_, k) => Math.floor(((k + 0.5) * options.residents) / unmatchedCount));
  let nextUnmatched = 0;

  let produced = 0;
  while (produced < options.residents) {
    const household = buildHousehold(rng, samplers, dates);
    const unmatched = nextUnmatched < unmatchedAt.length && produced >= (unmatchedAt[nextUnmatched] as number);
    if (unmatched) nextUnmatched++;
    let street: string;
    let streetKey: string;
    let postalCode: string;
    let houseNumber: number;
    let suffix = '';
    if (unmatched) {
      const target = rng.pick(book.beyondEnd);
      ({ streetKey, streetName: street, postalCode } = target);
      houseNumber = target.firstFree + rng.int(10, 40);
    } else {
      const address = book.addresses[samplers.address(rng)] as Address;
      ({ streetKey, streetName: street, postalCode, houseNumber } = address);
      if (address.suffixable && rng.chance(SHARE.houseNumberSuffix)) suffix = rng.chance(0.7) ? 'a' : 'b';
    }
    for (const member of household) {
      if (produced >= options.residents) break;
      produced++;
      yield {
        personId: String(produced).padStart(8, '0'),
        ...member,
        streetKey,
        street,
        houseNumber,
        houseNumberSuffix: suffix,
        postalCode,
        city,
        deliberatelyUnmatched: unmatched,
      };
    }
  }
}
