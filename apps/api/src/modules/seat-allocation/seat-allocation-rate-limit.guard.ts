import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../../platform/errors/app-error';
import { ClientRateLimiter } from './client-rate-limiter';

export const SEAT_ALLOCATION_RATE_LIMITER = Symbol('SEAT_ALLOCATION_RATE_LIMITER');

// In memory, per instance: the calculator keeps no state and reads no election data, so the limit only has
// to keep one address from monopolising CPU. With several instances behind a balancer an address gets at most
// instances × 60 per minute, still bounded; sharing counters through Redis would buy nothing worth the round trip.
export const seatAllocationRateLimiter = (): ClientRateLimiter =>
  new ClientRateLimiter({ limit: 60, windowMs: 60_000, maxClients: 10_000 });

/** 60 requests per minute per client address (behind a local proxy, its X-Forwarded-For). */
@Injectable()
export class SeatAllocationRateLimitGuard implements CanActivate {
  constructor(@Inject(SEAT_ALLOCATION_RATE_LIMITER) private readonly limiter: ClientRateLimiter) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const verdict = this.limiter.take(request.ip ?? 'unknown');
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
