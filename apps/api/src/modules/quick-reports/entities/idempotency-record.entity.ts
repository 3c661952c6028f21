import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** The first response to a request with an Idempotency-Key, per caller; a retry gets it again. */
@Entity({ name: 'election_night_idempotency' })
export class IdempotencyRecordEntity {
  @PrimaryColumn({ name: 'actor_id', type: 'uuid' })
  actorId!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Index()
  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  /** SHA-256 over route and body: the same key with another request is refused. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ type: 'integer' })
  status!: number;

  @Column({ type: 'jsonb' })
  response!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
