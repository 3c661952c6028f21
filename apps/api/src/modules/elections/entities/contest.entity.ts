import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Contest } from '@wahl/domain';
import { ElectionEntity } from './election.entity';

/** A ballot (Stimmzettel); `key` is the document's contest id. */
@Entity({ name: 'contests' })
@Index(['electionId', 'key'], { unique: true })
export class ContestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ type: 'integer' })
  ordinal!: number;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'ballot_type', type: 'text' })
  ballotType!: Contest['ballotType'];

  @Column({ name: 'votes_per_ballot', type: 'integer' })
  votesPerBallot!: number;

  @Column({ name: 'max_votes_per_candidate', type: 'integer' })
  maxVotesPerCandidate!: number;

  @Column({ type: 'integer', nullable: true })
  seats!: number | null;
}
