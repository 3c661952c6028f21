import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateSeats, SEAT_ALLOCATION_METHODS } from './seat-allocation';
import type { SeatAllocation, SeatAllocationInput, SeatAllocationMethod } from './seat-allocation.types';

const IDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

// Ties (the interesting case) need small multiples of a common unit; the unit can be large so the
// bigint path is exercised too. A third of the inputs are unconstrained large numbers.
const votesArbitrary = fc
  .uniqueArray(fc.constantFrom(...IDS), { minLength: 1, maxLength: IDS.length })
  .chain((ids) =>
    fc
      .oneof(
        {
          weight: 2,
          arbitrary: fc
            .tuple(
              fc.constantFrom(1, 3, 7, 1000, 2 ** 40),
              fc.array(fc.integer({ min: 0, max: 15 }), { minLength: ids.length, maxLength: ids.length }),
            )
            .map(([unit, multiples]) => multiples.map((multiple) => unit * multiple)),
        },
        { weight: 1, arbitrary: fc.array(fc.nat({ max: Number.MAX_SAFE_INTEGER }), { minLength: ids.length, maxLength: ids.length }) },
      )
      .map((votes) => ids.map((id, index) => [id, votes[index]!] as const)),
  )
  .filter((entries) => entries.some(([, votes]) => votes > 0))
  .map((entries) => Object.fromEntries(entries) as Record<string, number>);

const inputArbitrary = fc.record({ seats: fc.integer({ min: 0, max: 60 }), votes: votesArbitrary });
const methodArbitrary = fc.constantFrom(...SEAT_ALLOCATION_METHODS);
const DIVISOR_METHODS = ['sainte-lague', 'dhondt'] as const;

function allocate(method: SeatAllocationMethod, input: SeatAllocationInput): SeatAllocation {
  const result = allocateSeats(method, input);
  if (!result.ok) throw new Error(`unexpected error ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Completes a tie with the first tied lists as lot winners, as a recorded drawing would. */
function allocateWithLots(method: SeatAllocationMethod, input: SeatAllocationInput): SeatAllocation {
  const first = allocate(method, input);
  if (!first.lotRequired) return first;
  return allocate(method, { ...input, lots: first.lotRequired.lists.slice(0, first.lotRequired.seatsLeft) });
}

const sum = (seats: Readonly<Record<string, number>>) => Object.values(seats).reduce((a, b) => a + b, 0);

// Divisor form of DOMAIN.md 6.1/6.2, checked independently of the seat-by-seat code: an allocation is a
// divisor-method result iff some divisor d puts every list's votes/d into its rounding interval, i.e.
// the largest "next" quotient votes/up(s) is ≤ the smallest "last" quotient votes/down(s). Strict < means
// no other allocation is possible (no lot).
function divisorGap(method: 'sainte-lague' | 'dhondt', votes: Record<string, number>, seats: Readonly<Record<string, number>>): -1 | 0 | 1 {
  // Scaled by 2 for Sainte-Laguë: interval s ± 0.5 becomes divisors 2s+1 and 2s-1.
  const up = (s: number) => BigInt(method === 'sainte-lague' ? 2 * s + 1 : s + 1);
  const down = (s: number) => BigInt(method === 'sainte-lague' ? 2 * s - 1 : s);
  let maxNext: [bigint, bigint] = [0n, 1n];
  let minLast: [bigint, bigint] | null = null;
  for (const [id, v] of Object.entries(votes)) {
    const s = seats[id] ?? 0;
    const next: [bigint, bigint] = [BigInt(v), up(s)];
    if (next[0] * maxNext[1] > maxNext[0] * next[1]) maxNext = next;
    if (s > 0) {
      const last: [bigint, bigint] = [BigInt(v), down(s)];
      if (!minLast || last[0] * minLast[1] < minLast[0] * last[1]) minLast = last;
    }
  }
  if (!minLast) return 1;
  const left = maxNext[0] * minLast[1];
  const right = minLast[0] * maxNext[1];
  return left < right ? 1 : left === right ? 0 : -1;
}

describe('seat allocation properties', () => {
  it('should allocate exactly the seats when no lot is required, and exactly the certain seats plus the open ones otherwise', () => {
    fc.assert(
      fc.property(methodArbitrary, inputArbitrary, (method, input) => {
        const result = allocate(method, input);
        const listCount = Object.keys(input.votes).length;
        if (result.lotRequired) {
          expect(sum(result.seats) + result.lotRequired.seatsLeft).toBe(input.seats);
          expect(result.lotRequired.seatsLeft).toBeGreaterThan(0);
          expect(result.lotRequired.lists.length).toBeGreaterThan(result.lotRequired.seatsLeft);
          expect(result.lotRequired.lists.length).toBeLessThanOrEqual(listCount);
        } else {
          expect(sum(result.seats)).toBe(input.seats);
        }
        const completed = allocateWithLots(method, input);
        expect(completed.lotRequired).toBeNull();
        expect(sum(completed.seats)).toBe(input.seats);
      }),
      { numRuns: 600 },
    );
  });

  it('should give the same result whatever the order of the lists', () => {
    fc.assert(
      fc.property(
        methodArbitrary,
        inputArbitrary.chain((input) =>
          fc.tuple(fc.constant(input), fc.shuffledSubarray(Object.entries(input.votes), { minLength: Object.keys(input.votes).length })),
        ),
        (method, [input, shuffled]) => {
          const original = allocate(method, input);
          const permuted = allocate(method, { seats: input.seats, votes: Object.fromEntries(shuffled) });
          for (const id of Object.keys(input.votes)) expect(permuted.seats[id]).toBe(original.seats[id]);
          expect(permuted.lotRequired).toEqual(original.lotRequired);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('should give every list the floor or the ceiling of its Hare quota', () => {
    fc.assert(
      fc.property(inputArbitrary, (input) => {
        const total = BigInt(Object.values(input.votes).reduce((a, b) => a + b, 0));
        for (const seats of [allocate('hare-niemeyer', input).seats, allocateWithLots('hare-niemeyer', input).seats]) {
          for (const [id, votes] of Object.entries(input.votes)) {
            const scaled = BigInt(input.seats) * BigInt(votes);
            const floor = scaled / total;
            const ceil = floor + (scaled % total === 0n ? 0n : 1n);
            const got = BigInt(seats[id]!);
            // With a lot pending a tied list holds its floor; completed, floor or ceiling.
            expect(got >= floor && got <= ceil).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('should never take a seat away from a list when one more seat is allocated by a divisor method', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DIVISOR_METHODS), inputArbitrary, (method, input) => {
        const smaller = allocate(method, input);
        fc.pre(smaller.lotRequired === null);
        // Without a tie at `seats`, every seat of `seats` stays certain at `seats + 1`.
        const larger = allocate(method, { ...input, seats: input.seats + 1 });
        for (const id of Object.keys(input.votes)) expect(larger.seats[id]!).toBeGreaterThanOrEqual(smaller.seats[id]!);
        const largerCompleted = allocateWithLots(method, { ...input, seats: input.seats + 1 });
        for (const id of Object.keys(input.votes)) expect(largerCompleted.seats[id]!).toBeGreaterThanOrEqual(smaller.seats[id]!);
      }),
      { numRuns: 400 },
    );
  });

  it('should give a list without votes nothing and never draw lots for it under a divisor method', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DIVISOR_METHODS), inputArbitrary, (method, input) => {
        const result = allocate(method, input);
        for (const [id, votes] of Object.entries(input.votes)) {
          if (votes !== 0) continue;
          expect(result.seats[id]).toBe(0);
          expect(result.lotRequired?.lists ?? []).not.toContain(id);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('should agree with the divisor (rounding) form: a unique divisor interval without a lot, a shared boundary with one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DIVISOR_METHODS), inputArbitrary, (method, input) => {
        const result = allocate(method, input);
        const completed = allocateWithLots(method, input);
        fc.pre(input.seats > 0);
        expect(divisorGap(method, input.votes, completed.seats)).toBe(result.lotRequired ? 0 : 1);
      }),
      { numRuns: 600 },
    );
  });

  it('should exclude every list below the threshold and keep those at or above it', () => {
    fc.assert(
      fc.property(methodArbitrary, inputArbitrary, fc.integer({ min: 0, max: 30 }), (method, input, percent) => {
        const threshold = { numerator: BigInt(percent), denominator: 100n };
        const total = Object.values(input.votes).reduce((a, b) => a + b, 0);
        const qualifying = Object.entries(input.votes).filter(([, votes]) => BigInt(votes) * 100n >= BigInt(percent) * BigInt(total));
        fc.pre(qualifying.some(([, votes]) => votes > 0));
        const withThreshold = allocate(method, { ...input, threshold });
        const onlyQualifying = allocate(method, { seats: input.seats, votes: Object.fromEntries(qualifying) });
        for (const [id] of Object.entries(input.votes)) {
          expect(withThreshold.seats[id]).toBe(onlyQualifying.seats[id] ?? 0);
        }
        expect(withThreshold.lotRequired).toEqual(onlyQualifying.lotRequired);
      }),
      { numRuns: 400 },
    );
  });

  it('should return the same result for the same input', () => {
    fc.assert(
      fc.property(methodArbitrary, inputArbitrary, (method, input) => {
        expect(allocateSeats(method, input)).toEqual(allocateSeats(method, structuredClone(input)));
      }),
      { numRuns: 200 },
    );
  });
});
