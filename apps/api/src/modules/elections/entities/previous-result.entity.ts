import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ContestEntity } from './contest.entity';
import { DistrictEntity } from './district.entity';
import { ElectionEntity } from './election.entity';

/**
 * The previous election's result for one area and contest. `district_id` null = the whole
 * municipality. Votes stay keyed by list id (lists that no longer run keep their key), as `json`
 * so that the document's key order survives.
 */
@Entity({ name: 'previous_results' })
export class PreviousResultEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ type: 'integer' })
  ordinal!: number;

  @Index()
  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId!: string | null;

  @ManyToOne(() => DistrictEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id' })
  district?: DistrictEntity;

  @Index()
  @Column({ name: 'contest_id', type: 'uuid' })
  contestId!: string;

  @ManyToOne(() => ContestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contest_id' })
  contest?: ContestEntity;

  @Column({ type: 'integer', nullable: true })
  eligible!: number | null;

  @Column({ type: 'integer', nullable: true })
  voters!: number | null;

  @Column({ type: 'integer' })
  invalid!: number;

  @Column({ type: 'integer' })
  valid!: number;

  @Column({ type: 'json' })
  votes!: Record<string, number>;
}
