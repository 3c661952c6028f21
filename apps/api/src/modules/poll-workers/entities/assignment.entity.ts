import type { AssignmentState, BoardFunction, RefusalGround } from '@wahl/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DistrictEntity } from '../../elections/entities/district.entity';
import { ElectionEntity } from '../../elections/entities/election.entity';
import { PollWorkerEntity } from './poll-worker.entity';

/**
 * A person on a seat of a district's board, or on the reserve list (`district_id` NULL). Nobody holds
 * two active seats of one election (R7.3: nobody in two Wahlorgane), enforced by the partial index.
 */
@Entity({ name: 'poll_worker_assignments' })
@Index(['electionId', 'districtId'])
@Index('UQ_poll_worker_assignments_active_person', ['electionId', 'personId'], {
  unique: true,
  where: `state IN ('proposed', 'appointed', 'confirmed')`,
})
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Index()
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PollWorkerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: PollWorkerEntity;

  /** NULL: on the reserve list, for substitutes on short notice (R7.6). */
  @Column({ name: 'district_id', type: 'uuid', nullable: true })
  districtId!: string | null;

  @ManyToOne(() => DistrictEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id' })
  district?: DistrictEntity;

  @Column({ type: 'text' })
  function!: BoardFunction;

  @Column({ type: 'text' })
  state!: AssignmentState;

  @Column({ name: 'refusal_ground', type: 'text', nullable: true })
  refusalGround!: RefusalGround | null;

  /** The assignment this one took over from (a substitute for a refused or replaced seat). */
  @Column({ name: 'replaces_id', type: 'uuid', nullable: true })
  replacesId!: string | null;

  @ManyToOne(() => AssignmentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'replaces_id' })
  replaces?: AssignmentEntity;

  @Column({ type: 'text', default: '' })
  note!: string;

  @Column({ name: 'state_changed_at', type: 'timestamptz' })
  stateChangedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
