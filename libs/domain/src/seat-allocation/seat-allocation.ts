import { allocateDHondt } from './d-hondt';
import { allocateHareNiemeyer } from './hare-niemeyer';
import { allocateSainteLague } from './sainte-lague';
import type { SeatAllocationInput, SeatAllocationMethod, SeatAllocationResult } from './seat-allocation.types';

export const SEAT_ALLOCATION_METHODS = ['sainte-lague', 'dhondt', 'hare-niemeyer'] as const satisfies readonly SeatAllocationMethod[];

const METHODS: Readonly<Record<SeatAllocationMethod, (input: SeatAllocationInput) => SeatAllocationResult>> = {
  'sainte-lague': allocateSainteLague,
  dhondt: allocateDHondt,
  'hare-niemeyer': allocateHareNiemeyer,
};

/** Allocates seats to lists by the given method; a tie at the last seat(s) is reported, never decided silently. */
export function allocateSeats(method: SeatAllocationMethod, input: SeatAllocationInput): SeatAllocationResult {
  return METHODS[method](input);
}
