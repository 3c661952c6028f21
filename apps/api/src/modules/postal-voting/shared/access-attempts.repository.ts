import { Injectable } from '@nestjs/common';
import { Database } from '../../../platform/database/database';
import type { AccessAttemptOutcome } from '../entities/postal-access-attempt.entity';

/** All SQL of postal_access_attempts: the record of failed and refused guesses of codes and birth dates (R3.8; the limits count in rate_limits). */
@Injectable()
export class AccessAttemptsRepository {
  constructor(private readonly db: Database) {}

  async record(address: string, outcome: AccessAttemptOutcome, electionId: string | null, tokenHash: Buffer | null): Promise<void> {
    await this.db.query('INSERT INTO postal_access_attempts (address, election_id, token_hash, outcome) VALUES ($1, $2, $3, $4)', [
      address,
      electionId,
      tokenHash,
      outcome,
    ]);
  }
}
