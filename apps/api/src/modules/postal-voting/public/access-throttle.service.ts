import { Injectable } from '@nestjs/common';
import { AppError } from '../../../platform/errors/app-error';
import type { AccessAttemptOutcome } from '../entities/postal-access-attempt.entity';
import { AccessAttemptsRepository } from '../shared/access-attempts.repository';

// R3.8: guessing tokens or birth dates is limited and logged. Two independent limits, so that neither
// one address nor many addresses working on one card get far:
// - per client address: 20 failed attempts (unknown code, wrong birth date, no match) in 15 minutes;
// - per token: 5 wrong birth dates in 60 minutes (a birth date has about 30,000 plausible values).
// Attempts go to postal_access_attempts (address, token hash, outcome), never to the application log.
export const ADDRESS_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const TOKEN_WINDOW_MINUTES = 60;
export const MAX_FAILURES_PER_TOKEN = 5;

const FAILURES: readonly AccessAttemptOutcome[] = ['unknown-token', 'wrong-birth-date', 'no-match'];

@Injectable()
export class AccessThrottleService {
  constructor(private readonly attempts: AccessAttemptsRepository) {}

  /** POSTAL_TOO_MANY_ATTEMPTS (429, with Retry-After) when the address or the token has failed too often; the refusal is logged too. */
  async assertAllowed(address: string, tokenHash: Buffer | null, electionId: string | null = null): Promise<void> {
    const { byAddress, byToken } = await this.attempts.failures(address, tokenHash, {
      addressMinutes: ADDRESS_WINDOW_MINUTES,
      tokenMinutes: TOKEN_WINDOW_MINUTES,
      outcomes: FAILURES,
    });
    if (byAddress < MAX_FAILURES_PER_ADDRESS && byToken < MAX_FAILURES_PER_TOKEN) return;
    await this.record(address, 'throttled', electionId, tokenHash);
    if (byToken >= MAX_FAILURES_PER_TOKEN) {
      throw new AppError(
        'POSTAL_TOO_MANY_ATTEMPTS',
        'Zu viele falsche Geburtsdaten zu diesem Code. Aus Sicherheitsgründen ist der Code für eine Stunde gesperrt; Sie können den Antrag auch schriftlich oder im Wahlamt stellen.',
        [],
        { 'Retry-After': String(TOKEN_WINDOW_MINUTES * 60) },
      );
    }
    throw new AppError(
      'POSTAL_TOO_MANY_ATTEMPTS',
      `Zu viele erfolglose Versuche. Bitte versuchen Sie es in ${ADDRESS_WINDOW_MINUTES} Minuten erneut.`,
      [],
      {
        'Retry-After': String(ADDRESS_WINDOW_MINUTES * 60),
      },
    );
  }

  record(address: string, outcome: AccessAttemptOutcome, electionId: string | null, tokenHash: Buffer | null): Promise<void> {
    return this.attempts.record(address, outcome, electionId, tokenHash);
  }
}
