import { Injectable } from '@nestjs/common';
import { AppError } from '../../../platform/errors/app-error';
import { RateLimits, type Limit } from '../../../platform/rate-limits/rate-limits';
import type { AccessAttemptOutcome } from '../entities/postal-access-attempt.entity';
import { AccessAttemptsRepository } from '../shared/access-attempts.repository';

// R3.8: guessing tokens or birth dates is limited and logged. Two independent limits, so that neither
// one address nor many addresses working on one card get far:
// - per client address: 20 failed attempts (unknown code, wrong birth date, no match) in 15 minutes;
// - per token: 5 wrong birth dates in 60 minutes (a birth date has about 30,000 plausible values).
// Issue #17: each guess reserves its place in the shared limits (rate_limits or Redis) BEFORE it is
// checked, so parallel guesses cannot all be evaluated; a guess that turns out right gives it back.
// Attempts go to postal_access_attempts (address, token hash, outcome), never to the application log.
export const ADDRESS_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const TOKEN_WINDOW_MINUTES = 60;
export const MAX_FAILURES_PER_TOKEN = 5;

/** A reserved guess: `release()` when it was right (or not a guess after all). */
export type Guess = { release(): Promise<void> };

@Injectable()
export class AccessThrottleService {
  private readonly byAddress: Limit;
  private readonly byToken: Limit;

  constructor(
    private readonly attempts: AccessAttemptsRepository,
    limits: RateLimits,
  ) {
    this.byAddress = limits.define({
      name: 'postal:address',
      points: MAX_FAILURES_PER_ADDRESS,
      durationSeconds: ADDRESS_WINDOW_MINUTES * 60,
      blockSeconds: ADDRESS_WINDOW_MINUTES * 60,
    });
    this.byToken = limits.define({
      name: 'postal:token-birth-date',
      points: MAX_FAILURES_PER_TOKEN,
      durationSeconds: TOKEN_WINDOW_MINUTES * 60,
      blockSeconds: TOKEN_WINDOW_MINUTES * 60,
    });
  }

  /** Reserves a guess of the address; POSTAL_TOO_MANY_ATTEMPTS (429, Retry-After) when the address has failed too often (logged). */
  async reserveForAddress(address: string, tokenHash: Buffer | null, electionId: string | null = null): Promise<Guess> {
    const reservation = await this.byAddress.reserve(address);
    if (!reservation.allowed) {
      await this.record(address, 'throttled', electionId, tokenHash);
      throw new AppError(
        'POSTAL_TOO_MANY_ATTEMPTS',
        `Zu viele erfolglose Versuche. Bitte versuchen Sie es in ${Math.ceil(reservation.retryAfterSeconds / 60)} Minuten erneut.`,
        [],
        { 'Retry-After': String(reservation.retryAfterSeconds) },
      );
    }
    return { release: () => this.byAddress.release(address) };
  }

  /** Reserves a birth-date guess on the token; POSTAL_TOO_MANY_ATTEMPTS when the card is blocked (logged). */
  async reserveForToken(tokenHash: Buffer, address: string, electionId: string): Promise<Guess> {
    const subject = tokenHash.toString('hex');
    const reservation = await this.byToken.reserve(subject);
    if (!reservation.allowed) {
      await this.record(address, 'throttled', electionId, tokenHash);
      throw new AppError(
        'POSTAL_TOO_MANY_ATTEMPTS',
        'Zu viele falsche Geburtsdaten zu diesem Code. Aus Sicherheitsgründen ist der Code für eine Stunde gesperrt; Sie können den Antrag auch schriftlich oder im Wahlamt stellen.',
        [],
        { 'Retry-After': String(reservation.retryAfterSeconds) },
      );
    }
    return { release: () => this.byToken.release(subject) };
  }

  record(address: string, outcome: AccessAttemptOutcome, electionId: string | null, tokenHash: Buffer | null): Promise<void> {
    return this.attempts.record(address, outcome, electionId, tokenHash);
  }
}
