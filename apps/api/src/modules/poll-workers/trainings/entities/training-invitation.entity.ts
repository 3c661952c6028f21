import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PollWorkerEntity } from '../../entities/poll-worker.entity';
import { TrainingEntity } from './training.entity';

/**
 * A member invited to a training; one training per member and election (a new invitation moves the
 * member). `attended` stays NULL until the office records it.
 */
@Entity({ name: 'poll_worker_training_invitations' })
@Index(['electionId', 'personId'], { unique: true })
export class TrainingInvitationEntity {
  @PrimaryColumn({ name: 'training_id', type: 'uuid' })
  trainingId!: string;

  @ManyToOne(() => TrainingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'training_id' })
  training?: TrainingEntity;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PollWorkerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: PollWorkerEntity;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @Column({ type: 'boolean', nullable: true })
  attended!: boolean | null;
}
