import { err, ok, type Result } from '../result';
import { compareIds } from './allocation-support';
import { compareRatios } from './exact-fraction';
import { allocateSainteLague } from './sainte-lague';
import type { SeatAllocationError } from './seat-allocation.types';

// Federal seat allocation as applied at the Bundestag election 2025 (DOMAIN.md 6.4).

/** BWahlG § 1(1) (2023): the Bundestag has 630 seats; no overhang or compensation seats. */
export const BUNDESTAG_SEATS = 630;

export type BundestagWahlkreisWinner = {
  readonly wahlkreis: string;
  readonly land: string;
  /** The winner's party; null for an independent candidate (Einzelbewerber, BWahlG § 20(3)). */
  readonly party: string | null;
  /** The winner's Erststimmen. */
  readonly votes: number;
  /** All valid Erststimmen in the Wahlkreis. */
  readonly validVotes: number;
};

export type Bundestag2025Input = {
  /**
   * Valid Zweitstimmen per Land and party (Landesliste); every party, so that the sum is the national
   * total of valid Zweitstimmen the 5 % threshold refers to. Zweitstimmen to be disregarded because their
   * voters elected an independent (§ 4(1), DOMAIN.md 6.4 step 3, [UNCERTAIN]) must already be removed.
   */
  readonly zweitstimmen: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** One entry per Wahlkreis: the candidate with the most Erststimmen (a tie was decided by the Kreiswahlleiter). */
  readonly wahlkreise: readonly BundestagWahlkreisWinner[];
  /** Parties of national minorities (e.g. SSW), exempt from the 5 % and 3-Wahlkreis rule (§ 4(2) S. 3). */
  readonly minorityParties?: readonly string[];
  /** Defaults to 630; smaller houses serve examples and tests. */
  readonly seats?: number;
};

/** A tie that only the Bundeswahlleiter's lot can decide (§ 5 / § 6(3)); nothing is picked silently. */
export type BundestagLotRequired =
  | { readonly stage: 'oberverteilung'; readonly lists: readonly string[]; readonly seatsLeft: number }
  | { readonly stage: 'unterverteilung'; readonly party: string; readonly lists: readonly string[]; readonly seatsLeft: number }
  | {
      readonly stage: 'zweitstimmendeckung';
      readonly land: string;
      readonly party: string;
      /** The tied Wahlkreise. */
      readonly lists: readonly string[];
      readonly seatsLeft: number;
    };

export type Bundestag2025Allocation = {
  /** Seats per party taking part in the allocation (qualified), in order of first appearance. */
  readonly seats: Readonly<Record<string, number>>;
  /** Seats per Land list: for every Land of the input, the parties with at least one seat there. */
  readonly seatsByLand: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Wahlkreise whose winner gets no seat (no Zweitstimmendeckung), sorted. */
  readonly unseatedWahlkreise: readonly string[];
  /** Wahlkreise won by independents, elected by plurality (§ 6(2)) and deducted from the seats first. */
  readonly independentWahlkreise: readonly string[];
  /** With ties: the seats and Wahlkreise above are only the certain ones; the tied ones are listed here. */
  readonly lotRequired: readonly BundestagLotRequired[] | null;
};

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isName = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function validate(input: Bundestag2025Input): SeatAllocationError[] {
  const errors: SeatAllocationError[] = [];
  const seats = input.seats ?? BUNDESTAG_SEATS;
  if (!isCount(seats))
    errors.push({ code: 'INVALID_SEATS', path: '$.seats', message: 'Die Zahl der Sitze muss eine ganze Zahl größer oder gleich 0 sein.' });
  const lands = new Set<string>();
  if (typeof input.zweitstimmen !== 'object' || input.zweitstimmen === null) {
    errors.push({ code: 'INVALID_VOTES', path: '$.zweitstimmen', message: 'Die Zweitstimmen müssen je Land und Partei angegeben werden.' });
  } else {
    for (const [land, parties] of Object.entries(input.zweitstimmen)) {
      lands.add(land);
      if (typeof parties !== 'object' || parties === null) {
        errors.push({
          code: 'INVALID_VOTES',
          path: `$.zweitstimmen.${land}`,
          message: 'Die Zweitstimmen müssen je Partei angegeben werden.',
        });
        continue;
      }
      for (const [party, votes] of Object.entries(parties)) {
        if (!isCount(votes)) {
          errors.push({
            code: 'INVALID_VOTES',
            path: `$.zweitstimmen.${land}.${party}`,
            message: 'Stimmenzahlen müssen ganze Zahlen größer oder gleich 0 sein.',
          });
        }
      }
    }
  }
  const seen = new Set<string>();
  input.wahlkreise.forEach((winner, index) => {
    const path = `$.wahlkreise[${index}]`;
    const problem = (field: string, message: string) => errors.push({ code: 'INVALID_WAHLKREIS', path: `${path}.${field}`, message });
    if (!isName(winner.wahlkreis)) problem('wahlkreis', 'Die Wahlkreisnummer fehlt.');
    else if (seen.has(winner.wahlkreis)) problem('wahlkreis', `Der Wahlkreis ${winner.wahlkreis} ist mehrfach angegeben.`);
    seen.add(winner.wahlkreis);
    if (!lands.has(winner.land)) problem('land', `Für das Land „${winner.land}“ sind keine Zweitstimmen angegeben.`);
    if (winner.party !== null && !isName(winner.party)) problem('party', 'Die Partei des Wahlkreissiegers fehlt.');
    if (!isCount(winner.validVotes) || winner.validVotes === 0)
      problem('validVotes', 'Die gültigen Erststimmen müssen eine ganze Zahl größer als 0 sein.');
    if (!isCount(winner.votes)) problem('votes', 'Die Erststimmen müssen eine ganze Zahl größer oder gleich 0 sein.');
    else if (isCount(winner.validVotes) && winner.votes > winner.validVotes)
      problem('votes', 'Der Sieger kann nicht mehr Erststimmen haben, als gültig abgegeben wurden.');
  });
  const independents = input.wahlkreise.filter((winner) => winner.party === null).length;
  if (isCount(seats) && independents > seats) {
    errors.push({ code: 'INVALID_SEATS', path: '$.seats', message: 'Es gibt mehr erfolgreiche Einzelbewerber als Sitze.' });
  }
  return errors;
}

/**
 * The Bundestag allocation of 2025: qualification (§ 4(2) with the BVerfG order of 30.07.2024),
 * Oberverteilung and Unterverteilung by Sainte-Laguë (§ 5), Zweitstimmendeckung (§ 6(1)).
 * Where a lot is needed, everything certain is still allocated and the ties are reported.
 */
export function allocateBundestag2025(input: Bundestag2025Input): Result<Bundestag2025Allocation, readonly SeatAllocationError[]> {
  const errors = validate(input);
  if (errors.length) return err(errors);

  const lands = Object.keys(input.zweitstimmen);
  const minority = new Set(input.minorityParties ?? []);
  const national = new Map<string, bigint>();
  for (const parties of Object.values(input.zweitstimmen)) {
    for (const [party, votes] of Object.entries(parties)) national.set(party, (national.get(party) ?? 0n) + BigInt(votes));
  }
  const total = [...national.values()].reduce((sum, votes) => sum + votes, 0n);
  const tooLarge = [...national].find(([, votes]) => votes > BigInt(Number.MAX_SAFE_INTEGER));
  if (tooLarge) {
    return err([{ code: 'INVALID_VOTES', path: '$.zweitstimmen', message: `Die Zweitstimmen der Partei „${tooLarge[0]}“ sind zu groß.` }]);
  }
  const wins = new Map<string, number>();
  for (const winner of input.wahlkreise) if (winner.party !== null) wins.set(winner.party, (wins.get(winner.party) ?? 0) + 1);

  // § 4(2) Nr. 2: at least 5 % of the valid Zweitstimmen nationally (exactly 5 % qualifies: 20·votes ≥ total);
  // BVerfG 2 BvF 1/23: or winners in at least 3 Wahlkreise; § 4(2) S. 3: minority parties are exempt.
  const qualified = [...national.keys()].filter(
    (party) => minority.has(party) || 20n * national.get(party)! >= total || (wins.get(party) ?? 0) >= 3,
  );

  // DOMAIN.md 6.4 step 3 / § 6(2): independents are elected by plurality and their seats come off the top.
  const independentWahlkreise = input.wahlkreise
    .filter((winner) => winner.party === null)
    .map((winner) => winner.wahlkreis)
    .sort(compareIds);
  const partySeats = (input.seats ?? BUNDESTAG_SEATS) - independentWahlkreise.length;

  const lots: BundestagLotRequired[] = [];
  // Parties and (party, Land) pairs whose seat count waits for a lot: their Wahlkreise stay undecided.
  const undecidedParties = new Set<string>();
  const undecidedLists = new Set<string>();
  const listKey = (land: string, party: string) => JSON.stringify([land, party]);

  // § 5(1) S. 1: Oberverteilung among the qualified parties on national Zweitstimmen.
  const ober = allocateSainteLague({
    seats: partySeats,
    votes: Object.fromEntries(qualified.map((party) => [party, Number(national.get(party)!)])),
  });
  if (!ober.ok) return ober;
  const seats = ober.value.seats;
  if (ober.value.lotRequired) {
    lots.push({ stage: 'oberverteilung', ...ober.value.lotRequired });
    for (const party of ober.value.lotRequired.lists) undecidedParties.add(party);
  }

  // § 5(1) S. 2: Unterverteilung of each party's seats among its Landeslisten on Land Zweitstimmen.
  const seatsByLand = new Map<string, Map<string, number>>(lands.map((land) => [land, new Map()]));
  for (const party of qualified) {
    if (undecidedParties.has(party) || seats[party] === 0) continue;
    const landVotes = lands
      .filter((land) => (input.zweitstimmen[land]![party] ?? 0) > 0)
      .map((land) => [land, input.zweitstimmen[land]![party]!]);
    const unter = allocateSainteLague({ seats: seats[party]!, votes: Object.fromEntries(landVotes) });
    if (!unter.ok) return unter;
    for (const [land, landSeats] of Object.entries(unter.value.seats)) if (landSeats > 0) seatsByLand.get(land)!.set(party, landSeats);
    if (unter.value.lotRequired) {
      lots.push({ stage: 'unterverteilung', party, ...unter.value.lotRequired });
      for (const land of unter.value.lotRequired.lists) undecidedLists.add(listKey(land, party));
    }
  }

  // § 6(1): per Land and party, Wahlkreis winners ranked by falling Erststimmenanteil (votes ÷ valid votes,
  // compared exactly) get the Land list's seats; the rest get no seat. Parties not qualified get none at all.
  const unseated: string[] = [];
  const winnersByList = new Map<string, BundestagWahlkreisWinner[]>();
  for (const winner of input.wahlkreise) {
    if (winner.party === null) continue;
    const key = listKey(winner.land, winner.party);
    winnersByList.set(key, [...(winnersByList.get(key) ?? []), winner]);
  }
  for (const [key, winners] of winnersByList) {
    const [land, party] = JSON.parse(key) as [string, string];
    if (undecidedParties.has(party) || undecidedLists.has(key)) continue;
    const listSeats = seatsByLand.get(land)!.get(party) ?? 0;
    if (winners.length <= listSeats) continue;
    const share = (a: BundestagWahlkreisWinner, b: BundestagWahlkreisWinner) =>
      compareRatios(BigInt(a.votes), BigInt(a.validVotes), BigInt(b.votes), BigInt(b.validVotes));
    const ranked = [...winners].sort((a, b) => share(b, a));
    if (listSeats === 0) {
      unseated.push(...ranked.map((winner) => winner.wahlkreis));
      continue;
    }
    const cut = ranked[listSeats - 1]!;
    const shareVsCut = (winner: BundestagWahlkreisWinner) => share(winner, cut);
    const tied = ranked.filter((winner) => shareVsCut(winner) === 0);
    const above = ranked.filter((winner) => shareVsCut(winner) > 0).length;
    unseated.push(...ranked.filter((winner) => shareVsCut(winner) < 0).map((winner) => winner.wahlkreis));
    // A tie at the cut with more tied winners than the seats left for them: § 6(3) S. 2, lot by the Bundeswahlleiter.
    if (tied.length > listSeats - above) {
      lots.push({
        stage: 'zweitstimmendeckung',
        land,
        party,
        lists: tied.map((winner) => winner.wahlkreis).sort(compareIds),
        seatsLeft: listSeats - above,
      });
    }
  }

  return ok({
    seats,
    seatsByLand: Object.fromEntries([...seatsByLand].map(([land, parties]) => [land, Object.fromEntries(parties)])),
    unseatedWahlkreise: unseated.sort(compareIds),
    independentWahlkreise,
    lotRequired: lots.length ? lots : null,
  });
}
