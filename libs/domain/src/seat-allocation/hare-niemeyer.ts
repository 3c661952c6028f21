import { runAllocation, type CompetingList, type CoreAllocation } from './allocation-support';
import type { ListId, SeatAllocationInput, SeatAllocationResult } from './seat-allocation.types';

/**
 * Hare/Niemeyer, largest remainder (DOMAIN.md 6.3): quota = seats·votes/Σvotes; each list gets the
 * whole part, the remaining seats go by descending remainder; equal remainders at the cut → lot.
 * All quotas share the denominator Σvotes, so remainders compare exactly as integers (seats·votes mod Σvotes).
 */
function largestRemainder(lists: readonly CompetingList[], seats: number): CoreAllocation {
  const total = lists.reduce((sum, list) => sum + list.votes, 0n);
  const held = new Map<ListId, number>();
  const remainders: { id: ListId; remainder: bigint }[] = [];
  let left = seats;
  for (const list of lists) {
    const scaled = BigInt(seats) * list.votes;
    const whole = total > 0n ? Number(scaled / total) : 0;
    held.set(list.id, whole);
    left -= whole;
    remainders.push({ id: list.id, remainder: total > 0n ? scaled % total : 0n });
  }
  remainders.sort((a, b) => (a.remainder > b.remainder ? -1 : a.remainder < b.remainder ? 1 : 0));
  // Fewer remaining seats than lists with a positive remainder (the remainders sum to left·Σvotes), so
  // lists without votes never get one and each list gets at most one.
  let index = 0;
  while (left > 0 && index < remainders.length) {
    const value = remainders[index]!.remainder;
    const group: ListId[] = [];
    while (index < remainders.length && remainders[index]!.remainder === value) group.push(remainders[index++]!.id);
    if (group.length > left) return { seats: held, tie: { lists: group, seatsLeft: left } };
    for (const id of group) held.set(id, (held.get(id) ?? 0) + 1);
    left -= group.length;
  }
  return { seats: held, tie: null };
}

export function allocateHareNiemeyer(input: SeatAllocationInput): SeatAllocationResult {
  return runAllocation(input, largestRemainder);
}
