import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CandidateEntity } from '../../elections/entities/candidate.entity';
import { CouncilBatchEntity } from './council-batch.entity';

/** A candidate's votes in one batch (a sum, not a row per mark); rows only for candidates with votes. */
@Entity({ name: 'council_batch_votes' })
export class CouncilBatchVotesEntity {
  @PrimaryColumn({ name: 'batch_id', type: 'uuid' })
  batchId!: string;

  @ManyToOne(() => CouncilBatchEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'batch_id' })
  batch?: CouncilBatchEntity;

  @PrimaryColumn({ name: 'candidate_id', type: 'uuid' })
  candidateId!: string;

  @ManyToOne(() => CandidateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidate_id' })
  candidate?: CandidateEntity;

  @Column({ type: 'integer' })
  votes!: number;
}
