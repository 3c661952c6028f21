import { runAllocation } from './allocation-support';
import { highestAverages } from './highest-averages';
import type { SeatAllocationInput, SeatAllocationResult } from './seat-allocation.types';

/** D'Hondt (DOMAIN.md 6.2): divisors 1, 2, 3, …; the largest quotients win; equal quotients at the cut → lot. */
export function allocateDHondt(input: SeatAllocationInput): SeatAllocationResult {
  return runAllocation(input, (lists, seats) => highestAverages(lists, seats, (held) => BigInt(held + 1)));
}
