import { runAllocation } from './allocation-support';
import { highestAverages } from './highest-averages';
import type { SeatAllocationInput, SeatAllocationResult } from './seat-allocation.types';

/**
 * Sainte-Laguë/Schepers. R5.7 (KomWG § 25(1)): divide by the odd numbers 1, 3, 5, …, take the largest
 * quotients; equal quotients at the cut → lot. DOMAIN.md 6.1 (BWahlG § 5): the divisor form with
 * standard rounding gives the same seats, exact halves being the same ties.
 */
export function allocateSainteLague(input: SeatAllocationInput): SeatAllocationResult {
  return runAllocation(input, (lists, seats) => highestAverages(lists, seats, (held) => BigInt(2 * held + 1)));
}
