import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AccessAttemptOutcome = 'unknown-token' | 'wrong-birth-date' | 'no-match' | 'throttled';

/**
 * Failed and refused guesses on the public application (R3.8: brute force is limited and logged):
 * the client address, the token's hash (never the token) and what failed. Kept here, not in the
 * application log; nothing of the voter is in it.
 */
@Entity({ name: 'postal_access_attempts' })
@Index(['address', 'at'])
@Index(['tokenHash', 'at'])
export class PostalAccessAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ type: 'text' })
  address!: string;

  @Column({ name: 'election_id', type: 'uuid', nullable: true })
  electionId!: string | null;

  @Column({ name: 'token_hash', type: 'bytea', nullable: true })
  tokenHash!: Buffer | null;

  @Column({ type: 'text' })
  outcome!: AccessAttemptOutcome;
}
