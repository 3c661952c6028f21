import { Injectable } from '@nestjs/common';
import { allocateBundestag2025, allocateSeats, parseDecimalFraction, type SeatAllocationError } from '@wahl/domain';
import { AppError } from '../../platform/errors/app-error';
import type {
  BundestagSeatAllocationRequest,
  BundestagSeatAllocationResult,
  SeatAllocationRequest,
  SeatAllocationResult,
  SimpleSeatAllocationRequest,
  SimpleSeatAllocationResult,
} from '@wahl/contracts';

const invalid = (errors: readonly SeatAllocationError[]): AppError =>
  new AppError(
    'SEAT_ALLOCATION_IMPOSSIBLE',
    'Die Sitzverteilung kann mit diesen Angaben nicht berechnet werden.',
    errors.map((error) => ({ path: error.path, message: error.message, code: error.code })),
  );

/** The public seat calculator: maps the request onto the domain methods; nothing is stored. */
@Injectable()
export class SeatAllocationService {
  calculate(request: SeatAllocationRequest): SeatAllocationResult {
    return request.method === 'bundestag-2025' ? this.bundestag(request) : this.simple(request);
  }

  private simple(request: SimpleSeatAllocationRequest): SimpleSeatAllocationResult {
    let threshold;
    if (request.threshold !== undefined) {
      // String(0.05) is "0.05", the shortest decimal that round-trips: the client's literal, read exactly as 1/20.
      const parsed = parseDecimalFraction(String(request.threshold));
      if (!parsed.ok) throw invalid([{ code: 'INVALID_THRESHOLD', path: '$.threshold', message: parsed.error }]);
      threshold = parsed.value;
    }
    const result = allocateSeats(request.method, { seats: request.seats, votes: request.votes, threshold, lots: request.lots });
    if (!result.ok) throw invalid(result.error);
    return result.value;
  }

  private bundestag(request: BundestagSeatAllocationRequest): BundestagSeatAllocationResult {
    const result = allocateBundestag2025({
      zweitstimmen: request.zweitstimmen,
      wahlkreise: request.wahlkreise,
      minorityParties: request.minorityParties,
      seats: request.seats,
    });
    if (!result.ok) throw invalid(result.error);
    return result.value;
  }
}
