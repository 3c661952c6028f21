import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateBundestag2025,
  type Bundestag2025Allocation,
  type Bundestag2025Input,
  type BundestagWahlkreisWinner,
} from './bundestag-2025';

const winner = (wahlkreis: string, land: string, party: string | null, votes: number, validVotes: number): BundestagWahlkreisWinner => ({
  wahlkreis,
  land,
  party,
  votes,
  validVotes,
});

// A small federation whose answer is worked out by hand below.
// Zweitstimmen: A 100,000; B 60,000 (only in Süd, like the CSU); C 9,000; MIN 6,000; D 9,000; total 184,000.
// 5 % = 9,200: A and B pass; C (4.9 %) qualifies with 3 Wahlkreise; MIN (3.3 %) as a minority party;
// D (4.9 %, 2 Wahlkreise) does not.
const federation: Bundestag2025Input = {
  seats: 36,
  minorityParties: ['MIN'],
  zweitstimmen: {
    Nord: { A: 40_000, C: 4_000, MIN: 6_000, D: 3_000 },
    Mitte: { A: 50_000, C: 3_000, D: 3_000 },
    Süd: { A: 10_000, B: 60_000, C: 2_000, D: 3_000 },
  },
  wahlkreise: [
    winner('001', 'Nord', 'A', 40_000, 100_000),
    winner('002', 'Nord', 'A', 35_000, 90_000),
    winner('003', 'Nord', 'A', 30_000, 80_000),
    winner('004', 'Nord', 'C', 28_000, 100_000), // 28 %: more votes than 006, smaller share
    winner('005', 'Nord', 'MIN', 20_000, 70_000),
    winner('006', 'Nord', 'C', 26_000, 80_000), // 32.5 %
    winner('007', 'Mitte', 'A', 30_000, 90_000),
    winner('008', 'Mitte', 'A', 31_000, 90_000),
    winner('009', 'Mitte', 'A', 32_000, 90_000),
    winner('010', 'Mitte', 'D', 29_000, 90_000),
    winner('011', 'Mitte', null, 33_000, 90_000), // independent
    winner('012', 'Mitte', 'A', 34_000, 90_000),
    winner('013', 'Süd', 'A', 30_000, 100_000), // 30 %: the most votes of A's three, the smallest share
    winner('014', 'Süd', 'A', 25_000, 50_000), // 50 %
    winner('015', 'Süd', 'C', 20_000, 90_000),
    winner('016', 'Süd', 'B', 40_000, 90_000),
    winner('017', 'Süd', 'B', 41_000, 90_000),
    winner('018', 'Süd', 'A', 28_000, 80_000), // 35 %
    winner('019', 'Süd', 'D', 27_000, 90_000),
  ],
};

function allocate(input: Bundestag2025Input): Bundestag2025Allocation {
  const result = allocateBundestag2025(input);
  if (!result.ok) throw new Error(`unexpected error ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('allocateBundestag2025', () => {
  it('should allocate the hand-computed seats, Land seats and unseated Wahlkreise of the small federation', () => {
    // 36 seats − 1 independent (011) = 35. Oberverteilung on 175,000 qualified Zweitstimmen, divisor 5,000:
    // A 20.0 → 20, B 12.0 → 12, C 1.8 → 2, MIN 1.2 → 1 (any divisor in [4,878.05; 5,128.2] agrees).
    // Unterverteilung A: Nord 8, Mitte 10, Süd 2 (divisor 5,000); B: Süd 12; C: Nord 4,000 and Mitte 3,000
    // beat Süd 2,000 for its 2 seats; MIN: Nord 1.
    // Zweitstimmendeckung: Nord C has 1 seat for 004 (28 %) and 006 (32.5 %) → 004 unseated although it has
    // more votes; Süd A has 2 seats for 014 (50 %), 018 (35 %), 013 (30 %) → 013 unseated although it has
    // the most votes; Süd C has no seat → 015 unseated; D takes no part → 010 and 019 unseated.
    expect(allocate(federation)).toEqual({
      seats: { A: 20, B: 12, C: 2, MIN: 1 },
      seatsByLand: { Nord: { A: 8, C: 1, MIN: 1 }, Mitte: { A: 10, C: 1 }, Süd: { A: 2, B: 12 } },
      unseatedWahlkreise: ['004', '010', '013', '015', '019'],
      independentWahlkreise: ['011'],
      lotRequired: null,
    });
  });

  it('should leave out a party below 5 % with only two Wahlkreise', () => {
    // 015 now goes to A: C has 2 Wahlkreise and 4.9 %. Oberverteilung A 100,000, B 60,000, MIN 6,000 for 35
    // seats (divisor 4,761.9): A 21.0 → 21, B 12.6 → 13, MIN 1.26 → 1. A's 21: Nord 8.4 → 8, Mitte 10.5 → 11,
    // Süd 2.1 → 2 (divisors in [4,705.9; 4,761.9] agree). Süd A: 014 50 %, 018 35 % seated; 013 30 %, 015 22 % not.
    const input = { ...federation, wahlkreise: federation.wahlkreise.map((w) => (w.wahlkreis === '015' ? { ...w, party: 'A' } : w)) };
    expect(allocate(input)).toEqual({
      seats: { A: 21, MIN: 1, B: 13 },
      seatsByLand: { Nord: { A: 8, MIN: 1 }, Mitte: { A: 11 }, Süd: { A: 2, B: 13 } },
      unseatedWahlkreise: ['004', '006', '010', '013', '015', '019'],
      independentWahlkreise: ['011'],
      lotRequired: null,
    });
  });

  it('should leave out a small party that is not declared a national minority', () => {
    // Without the exemption MIN (3.3 %, 1 Wahlkreis) fails: A 100,000, B 60,000, C 9,000 share 35 seats,
    // divisor 4,828.6: A 20.7 → 21, B 12.4 → 12, C 1.9 → 2. 005 loses its seat.
    const result = allocate({ ...federation, minorityParties: [] });
    expect(result.seats).toEqual({ A: 21, C: 2, B: 12 });
    expect(result.unseatedWahlkreise).toEqual(['004', '005', '010', '013', '015', '019']);
  });

  it('should let a party with exactly 5 % take part and keep one just below out', () => {
    const at = allocate({ seats: 20, zweitstimmen: { L: { A: 950, B: 50 } }, wahlkreise: [] });
    expect(at.seats).toEqual({ A: 19, B: 1 });
    const below = allocate({ seats: 20, zweitstimmen: { L: { A: 951, B: 49 } }, wahlkreise: [] });
    expect(below.seats).toEqual({ A: 20 });
  });

  it('should default to 630 seats', () => {
    const result = allocate({ zweitstimmen: { L1: { A: 600, B: 400 }, L2: { A: 300, B: 100 } }, wahlkreise: [] });
    // A 900 : B 500 of 630 seats = 405 : 225 exactly; A over L1 600 : L2 300 = 270 : 135; B over 400 : 100 = 180 : 45.
    expect(result.seats).toEqual({ A: 405, B: 225 });
    expect(result.seatsByLand).toEqual({ L1: { A: 270, B: 180 }, L2: { A: 135, B: 45 } });
  });

  it('should report a lot for equal Erststimmen shares at the cut and seat no one of them', () => {
    // A 100 and B 350 share 4 seats: B 350, B/3 116.7, A 100, B/5 70 → A 1, B 3.
    // A's one seat in L: w1 20,000/80,000 and w2 25,000/100,000 are both exactly 25 %; w3 (10 %) is unseated.
    const result = allocate({
      seats: 4,
      zweitstimmen: { L: { A: 100, B: 350 } },
      wahlkreise: [
        winner('w1', 'L', 'A', 20_000, 80_000),
        winner('w2', 'L', 'A', 25_000, 100_000),
        winner('w3', 'L', 'A', 10_000, 100_000),
      ],
    });
    expect(result.seats).toEqual({ A: 1, B: 3 });
    expect(result.unseatedWahlkreise).toEqual(['w3']);
    expect(result.lotRequired).toEqual([{ stage: 'zweitstimmendeckung', land: 'L', party: 'A', lists: ['w1', 'w2'], seatsLeft: 1 }]);
  });

  it('should report a lot in the Oberverteilung and allocate only the certain seats', () => {
    const result = allocate({ seats: 3, zweitstimmen: { L: { A: 300, B: 100, C: 100 } }, wahlkreise: [] });
    expect(result.seats).toEqual({ A: 1, B: 0, C: 0 });
    expect(result.seatsByLand).toEqual({ L: {} });
    expect(result.lotRequired).toEqual([{ stage: 'oberverteilung', lists: ['A', 'B', 'C'], seatsLeft: 2 }]);
  });

  it('should report a lot in the Unterverteilung and leave that party’s Wahlkreise undecided', () => {
    // A 200, B 1,000 for 6 seats: A 1, B 5. A's seat: L1 100 = L2 100 → lot. B: L1 600, L2 400 → 3 : 2.
    const result = allocate({
      seats: 6,
      zweitstimmen: { L1: { A: 100, B: 600 }, L2: { A: 100, B: 400 } },
      wahlkreise: [winner('1', 'L1', 'A', 50, 100)],
    });
    expect(result.seats).toEqual({ A: 1, B: 5 });
    expect(result.seatsByLand).toEqual({ L1: { B: 3 }, L2: { B: 2 } });
    expect(result.unseatedWahlkreise).toEqual([]);
    expect(result.lotRequired).toEqual([{ stage: 'unterverteilung', party: 'A', lists: ['L1', 'L2'], seatsLeft: 1 }]);
  });

  it('should name every bad Wahlkreis entry with its path', () => {
    const result = allocateBundestag2025({
      zweitstimmen: { L: { A: 10 } },
      wahlkreise: [winner('1', 'L', 'A', 5, 10), winner('1', 'X', 'A', 11, 10)],
    });
    expect(result.ok || result.error.map((error) => error.path)).toEqual([
      '$.wahlkreise[1].wahlkreis',
      '$.wahlkreise[1].land',
      '$.wahlkreise[1].votes',
    ]);
  });
});

// Random small federations: the invariants the law fixes, whatever the numbers.
const federationArbitrary = fc
  .record({
    seats: fc.integer({ min: 1, max: 80 }),
    lands: fc.integer({ min: 1, max: 4 }),
    votes: fc.array(
      fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 100_000 })), {
        minLength: 5,
        maxLength: 5,
      }),
      {
        minLength: 4,
        maxLength: 4,
      },
    ),
    winners: fc.array(
      fc.record({
        land: fc.nat(3),
        party: fc.option(fc.constantFrom('P0', 'P1', 'P2', 'P3', 'P4'), { freq: 12 }),
        votes: fc.integer({ min: 1, max: 12 }),
        validVotes: fc.integer({ min: 12, max: 40 }),
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ seats, lands, votes, winners }): Bundestag2025Input => {
    const landNames = Array.from({ length: lands }, (_, i) => `L${i}`);
    return {
      seats,
      minorityParties: ['P4'],
      zweitstimmen: Object.fromEntries(landNames.map((land, i) => [land, Object.fromEntries(votes[i]!.map((v, p) => [`P${p}`, v]))])),
      wahlkreise: winners.map((w, i) => winner(String(i).padStart(3, '0'), landNames[w.land % lands]!, w.party, w.votes, w.validVotes)),
    };
  })
  .filter((input) => Object.values(input.zweitstimmen).some((parties) => Object.values(parties).some((v) => v > 0)))
  .filter((input) => input.wahlkreise.filter((w) => w.party === null).length < input.seats!);

describe('allocateBundestag2025 invariants', () => {
  it('should fill every seat, split each party exactly over its Länder and seat winners only within the Land seats by share', () => {
    fc.assert(
      fc.property(federationArbitrary, (input) => {
        const result = allocateBundestag2025(input);
        if (!result.ok) return; // e.g. no qualified party with votes
        const { seats, seatsByLand, unseatedWahlkreise, independentWahlkreise, lotRequired } = result.value;
        fc.pre(lotRequired === null);
        const total = Object.values(seats).reduce((a, b) => a + b, 0);
        expect(total + independentWahlkreise.length).toBe(input.seats);
        for (const [party, partySeats] of Object.entries(seats)) {
          expect(Object.values(seatsByLand).reduce((sum, parties) => sum + (parties[party] ?? 0), 0)).toBe(partySeats);
        }
        const unseated = new Set(unseatedWahlkreise);
        for (const [land, parties] of Object.entries(input.zweitstimmen)) {
          for (const party of Object.keys(parties)) {
            const won = input.wahlkreise.filter((w) => w.land === land && w.party === party);
            const seated = won.filter((w) => !unseated.has(w.wahlkreis));
            expect(seated.length).toBe(Math.min(won.length, seatsByLand[land]![party] ?? 0));
            for (const s of seated) {
              for (const u of won.filter((w) => unseated.has(w.wahlkreis))) {
                expect(BigInt(s.votes) * BigInt(u.validVotes) > BigInt(u.votes) * BigInt(s.validVotes)).toBe(true);
              }
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
