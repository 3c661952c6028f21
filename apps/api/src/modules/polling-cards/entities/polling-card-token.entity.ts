import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * R3.8: the voter's token for the online Wahlschein application, as SHA-256 only; the token itself is
 * derived with a key that is not in the database. A replacement card revokes the previous issue.
 */
@Entity({ name: 'polling_card_tokens' })
export class PollingCardTokenEntity {
  @PrimaryColumn({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @PrimaryColumn({ name: 'voter_id', type: 'integer' })
  voterId!: number;

  @PrimaryColumn({ type: 'integer' })
  issue!: number;

  @Column({ name: 'token_hash', type: 'text', unique: true })
  tokenHash!: string;

  @Column({ name: 'job_id', type: 'uuid' })
  jobId!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
