import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ContestEntity } from './contest.entity';
import { ElectionEntity } from './election.entity';

/** A list or nomination (Wahlvorschlag) on one ballot; `key` (e.g. `spd`) is unique per contest. */
@Entity({ name: 'lists' })
@Index(['contestId', 'key'], { unique: true })
@Index(['contestId', 'ballotPosition'], { unique: true })
export class ContestListEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
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

  @Column({ type: 'integer' })
  ordinal!: number;

  @Column({ type: 'text' })
  key!: string;

  @Column({ name: 'ballot_position', type: 'integer' })
  ballotPosition!: number;

  @Column({ name: 'short_name', type: 'text' })
  shortName!: string;

  @Column({ type: 'text' })
  name!: string;

  /** `#rrggbb`, as written in the document. */
  @Column({ type: 'text' })
  color!: string;
}
