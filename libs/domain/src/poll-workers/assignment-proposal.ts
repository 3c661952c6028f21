import { BOARD_ROLES } from '../polling-day/board-quorum';
import type { Availability, BoardFunction } from './poll-worker.types';

// The assignment proposal (issue #14): fills every board's free seats from the eligible pool,
// deterministically (same input, same proposal). Preferences, in this order:
//  - the person's wished district, then the home district (BWO § 6(1),(2): members preferably from
//    the district or municipality), then the nearest districts (same Stadtteil first, by number);
//  - Wahlvorsteher and deputy: experienced chairs first (R7.2 practice);
//  - functions other than Beisitzer need someone there all day (BWO § 6(8): chair and Schriftführer
//    or their deputies present throughout); half-day and count-only helpers sit as Beisitzer;
//  - a wished function is the only one the person gets;
//  - "with a colleague": once one of two is placed, the other goes to the same board if a seat fits;
//    a district one of them wished counts for both.
// Seats already held stay; their people are not moved. Work is about O(seats × nearby districts).

export type ProposalDistrict = {
  readonly id: string;
  readonly ordinal: number;
  readonly kind: 'polling' | 'postal';
  /** Stadtteil/Stadtbezirk; districts of one area are neighbours. */
  readonly areaId: string | null;
  /** Free seats per function (the need minus the active assignments). */
  readonly free: Partial<Readonly<Record<BoardFunction, number>>>;
};

export type ProposalPerson = {
  readonly id: string;
  readonly homeDistrictId: string | null;
  readonly wishDistrictId: string | null;
  readonly wishColleagueId: string | null;
  readonly wishFunction: BoardFunction | null;
  readonly chairExperience: boolean;
  readonly availability: Availability;
  /** Earlier appointments; the more experienced are placed first. */
  readonly appointmentsCount: number;
};

export type ProposedSeat = { readonly personId: string; readonly districtId: string; readonly function: BoardFunction };
export type ProposalGap = { readonly districtId: string; readonly function: BoardFunction; readonly missing: number };
export type Proposal = { readonly seats: readonly ProposedSeat[]; readonly gaps: readonly ProposalGap[] };

/** How many neighbouring districts (each side) count as "nearby" before people living elsewhere are taken. */
export const NEARBY_RADIUS = 3;

const CHAIR_FUNCTIONS: ReadonlySet<BoardFunction> = new Set(['chair', 'deputy-chair']);

const fits = (person: ProposalPerson, fn: BoardFunction): boolean =>
  (person.wishFunction === null || person.wishFunction === fn) && (fn === 'assessor' || person.availability === 'all-day');

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Experienced chairs, then more appointments, then id: the order people are taken from a bucket. */
const bySeniority = (a: ProposalPerson, b: ProposalPerson): number =>
  Number(b.chairExperience) - Number(a.chairExperience) || b.appointmentsCount - a.appointmentsCount || byId(a, b);

class Pool {
  private readonly placed = new Set<string>();
  private readonly byDistrict = new Map<string, ProposalPerson[]>();
  private readonly wishing = new Map<string, ProposalPerson[]>();
  readonly outside: ProposalPerson[] = [];
  /** Unplaced people who can take any function, and those of them who were chairs: searches stop at 0. */
  private allDay = 0;
  private experienced = 0;
  private total = 0;

  constructor(
    people: readonly ProposalPerson[],
    private readonly knownDistricts: ReadonlySet<string>,
  ) {
    for (const person of [...people].sort(bySeniority)) {
      if (person.wishDistrictId && knownDistricts.has(person.wishDistrictId)) push(this.wishing, person.wishDistrictId, person);
      if (person.homeDistrictId && knownDistricts.has(person.homeDistrictId)) push(this.byDistrict, person.homeDistrictId, person);
      else this.outside.push(person);
      this.count(person, 1);
    }
    this.total = people.length;
  }

  private count(person: ProposalPerson, delta: number): void {
    if (person.availability !== 'all-day') return;
    this.allDay += delta;
    if (person.chairExperience) this.experienced += delta;
  }

  /** No unplaced person left who could take `fn` (cheap test before a search over every district). */
  exhausted(fn: BoardFunction, experiencedOnly: boolean): boolean {
    if (this.placed.size === this.total) return true;
    if (fn === 'assessor') return false;
    return experiencedOnly ? this.experienced === 0 : this.allDay === 0;
  }

  isPlaced = (id: string): boolean => this.placed.has(id);
  place(person: ProposalPerson): void {
    this.placed.add(person.id);
    this.count(person, -1);
  }
  /** At home, someone who wished another board waits for it (the wish comes before the home district). */
  private wishesOther = (person: ProposalPerson, districtId: string | undefined): boolean =>
    districtId !== undefined &&
    person.wishDistrictId !== null &&
    person.wishDistrictId !== districtId &&
    this.knownDistricts.has(person.wishDistrictId);
  wishers = (districtId: string): ProposalPerson[] => this.wishing.get(districtId) ?? [];
  residents = (districtId: string): ProposalPerson[] => this.byDistrict.get(districtId) ?? [];

  /**
   * The first unplaced person of `bucket` fitting `fn` (and experienced, if asked). Placed people are
   * dropped from the bucket on the way, so repeated searches do not walk over them again.
   */
  take(bucket: ProposalPerson[], fn: BoardFunction, experiencedOnly: boolean, atHomeOf?: string): ProposalPerson | null {
    let kept = 0;
    let found: ProposalPerson | null = null;
    for (const person of bucket) {
      if (this.placed.has(person.id)) continue;
      bucket[kept++] = person;
      if (!found && fits(person, fn) && (!experiencedOnly || person.chairExperience) && !this.wishesOther(person, atHomeOf)) found = person;
    }
    bucket.length = kept;
    return found;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Districts in neighbourhood order: urn boards by area and number, postal boards after them. */
const neighbourOrder = (a: ProposalDistrict, b: ProposalDistrict): number =>
  (a.kind === b.kind ? 0 : a.kind === 'polling' ? -1 : 1) ||
  (a.areaId ?? '').localeCompare(b.areaId ?? '') ||
  a.ordinal - b.ordinal ||
  byId(a, b);

export function proposeAssignments(districts: readonly ProposalDistrict[], people: readonly ProposalPerson[]): Proposal {
  const ordered = [...districts].sort(neighbourOrder);
  const position = new Map(ordered.map((district, index) => [district.id, index]));
  const withWishes = sharedWishes(people);
  const pool = new Pool(withWishes, new Set(position.keys()));
  const colleagues = colleagueMap(withWishes);
  const free = ordered.map((district) => new Map(BOARD_ROLES.map((fn) => [fn, district.free[fn] ?? 0])));
  const seats: ProposedSeat[] = [];

  const seat = (index: number, person: ProposalPerson, fn: BoardFunction): void => {
    pool.place(person);
    free[index]!.set(fn, free[index]!.get(fn)! - 1);
    seats.push({ personId: person.id, districtId: ordered[index]!.id, function: fn });
    const colleague = colleagues.get(person.id);
    if (colleague && !pool.isPlaced(colleague.id)) seatColleague(index, colleague);
  };
  const seatColleague = (index: number, colleague: ProposalPerson): void => {
    const fn = BOARD_ROLES.find((candidate) => free[index]!.get(candidate)! > 0 && fits(colleague, candidate));
    if (fn) seat(index, colleague, fn);
  };

  // Experienced chairs first, for every board (at home, else from wherever they live); then every
  // function at home (wished or home district); then nearby, people living elsewhere, anywhere.
  const passes: readonly (readonly [Pass, readonly BoardFunction[]])[] = [
    [fillAtHome, ['chair']],
    [experiencedFromAnywhere, ['chair']],
    [fillAtHome, BOARD_ROLES],
    [fillNearby, BOARD_ROLES],
  ];
  for (const [pass, functions] of passes) {
    for (let index = 0; index < ordered.length; index++) {
      for (const fn of functions) {
        while (free[index]!.get(fn)! > 0) {
          const person = pass(pool, ordered, index, fn);
          if (!person) break;
          seat(index, person, fn);
        }
      }
    }
  }

  const gaps: ProposalGap[] = [];
  ordered.forEach((district, index) => {
    for (const fn of BOARD_ROLES) {
      const missing = free[index]!.get(fn)!;
      if (missing > 0) gaps.push({ districtId: district.id, function: fn, missing });
    }
  });
  return { seats, gaps };
}

type Pass = (pool: Pool, ordered: readonly ProposalDistrict[], index: number, fn: BoardFunction) => ProposalPerson | null;

/** Wished and home district; chair functions only experienced people here (others wait for pass 2). */
const fillAtHome: Pass = (pool, ordered, index, fn) => {
  const id = ordered[index]!.id;
  const experiencedOnly = CHAIR_FUNCTIONS.has(fn);
  return pool.take(pool.wishers(id), fn, experiencedOnly) ?? pool.take(pool.residents(id), fn, experiencedOnly, id);
};

const experiencedFromAnywhere: Pass = (pool, ordered, index, fn) =>
  searchOutward(pool, ordered, index, fn, true, 0, NEARBY_RADIUS) ??
  pool.take(pool.outside, fn, true) ??
  searchOutward(pool, ordered, index, fn, true, NEARBY_RADIUS + 1, ordered.length);

/**
 * Nearby (home included, for a chair not found experienced), then people living elsewhere, then
 * anywhere. For chair functions each step looks for an experienced person before anyone else.
 */
const fillNearby: Pass = (pool, ordered, index, fn) => {
  const tiers = CHAIR_FUNCTIONS.has(fn) ? [true, false] : [false];
  const steps: ((experiencedOnly: boolean) => ProposalPerson | null)[] = [
    (experiencedOnly) => searchOutward(pool, ordered, index, fn, experiencedOnly, 0, NEARBY_RADIUS),
    (experiencedOnly) => pool.take(pool.outside, fn, experiencedOnly),
    (experiencedOnly) => searchOutward(pool, ordered, index, fn, experiencedOnly, NEARBY_RADIUS + 1, ordered.length),
  ];
  for (const step of steps) {
    for (const experiencedOnly of tiers) {
      const person = step(experiencedOnly);
      if (person) return person;
    }
  }
  return null;
};

function searchOutward(
  pool: Pool,
  ordered: readonly ProposalDistrict[],
  index: number,
  fn: BoardFunction,
  experiencedOnly: boolean,
  from: number,
  to: number,
): ProposalPerson | null {
  if (pool.exhausted(fn, experiencedOnly)) return null;
  for (let distance = from; distance <= to; distance++) {
    if (index - distance < 0 && index + distance >= ordered.length) return null;
    for (const neighbour of distance === 0 ? [index] : [index - distance, index + distance]) {
      const district = ordered[neighbour];
      if (!district) continue;
      const person = pool.take(pool.residents(district.id), fn, experiencedOnly);
      if (person) return person;
    }
  }
  return null;
}

/** "With a colleague" both ways: a wish of either person links the two. */
/** Two who want to serve together share the district one of them wished (so neither is seated at home first). */
function sharedWishes(people: readonly ProposalPerson[]): ProposalPerson[] {
  const colleagues = colleagueMap(people);
  return people.map((person) => {
    const wished = colleagues.get(person.id)?.wishDistrictId ?? null;
    return person.wishDistrictId === null && wished !== null ? { ...person, wishDistrictId: wished } : person;
  });
}

function colleagueMap(people: readonly ProposalPerson[]): Map<string, ProposalPerson> {
  const byPersonId = new Map(people.map((person) => [person.id, person]));
  const map = new Map<string, ProposalPerson>();
  for (const person of [...people].sort(byId)) {
    const colleague = person.wishColleagueId ? byPersonId.get(person.wishColleagueId) : undefined;
    if (!colleague || colleague.id === person.id) continue;
    if (!map.has(person.id)) map.set(person.id, colleague);
    if (!map.has(colleague.id)) map.set(colleague.id, person);
  }
  return map;
}
