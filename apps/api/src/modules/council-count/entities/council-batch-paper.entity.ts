import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ContestListEntity } from '../../elections/entities/contest-list.entity';
import { CouncilBatchEntity } from './council-batch.entity';

/** Valid ballots of a batch on one list's ballot paper (R5.6); rows only for lists with ballots. */
@Entity({ name: 'council_batch_papers' })
export class CouncilBatchPaperEntity {
  @PrimaryColumn({ name: 'batch_id', type: 'uuid' })
  batchId!: string;

  @ManyToOne(() => CouncilBatchEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'batch_id' })
  batch?: CouncilBatchEntity;

  @PrimaryColumn({ name: 'list_id', type: 'uuid' })
  listId!: string;

  @ManyToOne(() => ContestListEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'list_id' })
  list?: ContestListEntity;

  @Column({ name: 'unchanged_ballots', type: 'integer' })
  unchangedBallots!: number;

  @Column({ name: 'changed_ballots', type: 'integer' })
  changedBallots!: number;
}
