import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ContestEntity } from '../../elections/entities/contest.entity';
import { ElectionEntity } from '../../elections/entities/election.entity';

/**
 * One stack of council ballots a counting team entered, with the sums the domain computed for it
 * (R5.6). Individual ballots are not kept: the paper ballots are the record, and a row per batch
 * plus its per-list and per-candidate sums keeps entry fast however many teams count at once.
 * The relations to the elections tables exist for the foreign keys only.
 */
@Entity({ name: 'council_batches' })
@Index(['contestId', 'idempotencyKey'], { unique: true })
export class CouncilBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ name: 'contest_id', type: 'uuid' })
  contestId!: string;

  @ManyToOne(() => ContestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contest_id' })
  contest?: ContestEntity;

  /** The client's Idempotency-Key: a retried batch is stored once. */
  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  /** SHA-256 of the request body, to tell a retry from a different batch under the same key. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  /** The counting team's own name for itself, e.g. "Zählgruppe 7". */
  @Column({ type: 'text' })
  team!: string;

  @Column({ name: 'entered_by', type: 'uuid' })
  enteredBy!: string;

  /** Ballots in the stack as the team counted them by hand; equal to `ballots` by construction. */
  @Column({ name: 'declared_ballots', type: 'integer' })
  declaredBallots!: number;

  @Column({ type: 'integer' })
  ballots!: number;

  @Column({ name: 'valid_ballots', type: 'integer' })
  validBallots!: number;

  @Column({ name: 'invalid_too_many_votes', type: 'integer' })
  invalidTooManyVotes!: number;

  @Column({ name: 'invalid_too_many_for_candidate', type: 'integer' })
  invalidTooManyForCandidate!: number;

  @Column({ name: 'invalid_no_votes', type: 'integer' })
  invalidNoVotes!: number;

  @Column({ name: 'invalid_rejected', type: 'integer' })
  invalidRejected!: number;

  @Column({ name: 'blank_paper_ballots', type: 'integer' })
  blankPaperBallots!: number;

  @Column({ name: 'void_votes', type: 'integer' })
  voidVotes!: number;

  @Column({ name: 'lost_votes', type: 'integer' })
  lostVotes!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
