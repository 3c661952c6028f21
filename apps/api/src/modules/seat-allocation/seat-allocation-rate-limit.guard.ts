import { AppError } from '../../platform/errors/app-error';
import { PerClientLimit } from '../../platform/rate-limits/per-client-limit.guard';

// The public calculator keeps one address from monopolising CPU: 60 requests per minute per client
// address (behind a local proxy, its X-Forwarded-For). Issue #17: counted in the shared store, so the
// limit holds across every API process behind the balancer rather than once per process.
export const SEAT_ALLOCATION_REQUESTS_PER_MINUTE = 60;

export const SeatAllocationRateLimitGuard = PerClientLimit(
  { name: 'seat-allocation:address', points: SEAT_ALLOCATION_REQUESTS_PER_MINUTE, durationSeconds: 60 },
  {
    refusal: (seconds) =>
      new AppError(
        'SEAT_ALLOCATION_RATE_LIMITED',
        `Zu viele Berechnungen von dieser Adresse. Bitte in ${seconds} Sekunden erneut versuchen.`,
        [],
        { 'Retry-After': String(seconds) },
      ),
  },
);
