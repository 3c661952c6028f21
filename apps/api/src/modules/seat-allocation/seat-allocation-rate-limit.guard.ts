import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../../platform/errors/app-error';
import { RateLimits, type Limit } from '../../platform/rate-limits/rate-limits';

// The public calculator keeps one address from monopolising CPU: 60 requests per minute per client
// address (behind a local proxy, its X-Forwarded-For). Issue #17: counted in the shared store, so the
// limit holds across every API process behind the balancer rather than once per process.
export const SEAT_ALLOCATION_REQUESTS_PER_MINUTE = 60;

@Injectable()
export class SeatAllocationRateLimitGuard implements CanActivate {
  private readonly limit: Limit;

  constructor(limits: RateLimits) {
    this.limit = limits.define({ name: 'seat-allocation:address', points: SEAT_ALLOCATION_REQUESTS_PER_MINUTE, durationSeconds: 60 });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const verdict = await this.limit.reserve(request.ip ?? 'unknown');
    if (!verdict.allowed) {
      throw new AppError(
        'SEAT_ALLOCATION_RATE_LIMITED',
        `Zu viele Berechnungen von dieser Adresse. Bitte in ${verdict.retryAfterSeconds} Sekunden erneut versuchen.`,
        [],
        { 'Retry-After': String(verdict.retryAfterSeconds) },
      );
    }
    return true;
  }
}
