import { compareRatios } from './exact-fraction';
import type { CompetingList, CoreAllocation } from './allocation-support';
import type { ListId } from './seat-allocation.types';

/** The divisor a list's votes are divided by for its next seat, given the seats it already holds. */
export type DivisorSeries = (seatsHeld: number) => bigint;

/**
 * Highest-averages form of a divisor method: seat by seat, the largest quotient votes/divisor wins.
 * Equal quotients that fit into the remaining seats all win; equal quotients at the cut that do not
 * fit are a tie for lot (R5.7, DOMAIN.md 6.1/6.2). A list's quotients strictly fall, so each tied list
 * can win at most one of the open seats. Lists without votes never compete.
 */
export function highestAverages(lists: readonly CompetingList[], seats: number, divisor: DivisorSeries): CoreAllocation {
  const held = new Map<ListId, number>(lists.map((list) => [list.id, 0]));
  const competing = lists.filter((list) => list.votes > 0n);
  let left = seats;
  while (left > 0 && competing.length) {
    let best: { votes: bigint; divisor: bigint } | null = null;
    let tied: ListId[] = [];
    for (const list of competing) {
      const next = { votes: list.votes, divisor: divisor(held.get(list.id) ?? 0) };
      const order = best ? compareRatios(next.votes, next.divisor, best.votes, best.divisor) : 1;
      if (order > 0) {
        best = next;
        tied = [list.id];
      } else if (order === 0) {
        tied.push(list.id);
      }
    }
    if (tied.length > left) return { seats: held, tie: { lists: tied, seatsLeft: left } };
    for (const id of tied) held.set(id, (held.get(id) ?? 0) + 1);
    left -= tied.length;
  }
  return { seats: held, tie: null };
}
