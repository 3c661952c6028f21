import { Injectable } from '@nestjs/common';
import { Database } from '../../../platform/database/database';
import type { AccessAttemptOutcome } from '../entities/postal-access-attempt.entity';

/** All SQL of postal_access_attempts: failed guesses of codes and birth dates (R3.8). */
@Injectable()
export class AccessAttemptsRepository {
  constructor(private readonly db: Database) {}

  /** Failures of the address in the last `addressMinutes`, and wrong birth dates for the token in the last `tokenMinutes`. */
  async failures(
    address: string,
    tokenHash: Buffer | null,
    window: { readonly addressMinutes: number; readonly tokenMinutes: number; readonly outcomes: readonly AccessAttemptOutcome[] },
  ): Promise<{ byAddress: number; byToken: number }> {
    const { rows } = await this.db.query<{ by_address: number; by_token: number }>(
      `SELECT
         (SELECT count(*)::int FROM postal_access_attempts WHERE address = $1 AND at > now() - make_interval(mins => $3) AND outcome = ANY($5::text[])) AS by_address,
         (SELECT count(*)::int FROM postal_access_attempts WHERE $2::bytea IS NOT NULL AND token_hash = $2 AND at > now() - make_interval(mins => $4)
            AND outcome = 'wrong-birth-date') AS by_token`,
      [address, tokenHash, window.addressMinutes, window.tokenMinutes, window.outcomes],
    );
    return { byAddress: rows[0]?.by_address ?? 0, byToken: rows[0]?.by_token ?? 0 };
  }

  async record(address: string, outcome: AccessAttemptOutcome, electionId: string | null, tokenHash: Buffer | null): Promise<void> {
    await this.db.query('INSERT INTO postal_access_attempts (address, election_id, token_hash, outcome) VALUES ($1, $2, $3, $4)', [
      address,
      electionId,
      tokenHash,
      outcome,
    ]);
  }
}
