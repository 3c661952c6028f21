import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ElectionEntity } from '../../elections/entities/election.entity';

/** One category deleted by one run (counts only, never what was deleted); also in the audit chain. */
@Entity({ name: 'retention_runs' })
@Index(['electionId', 'category', 'ranAt'])
export class RetentionRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ type: 'text' })
  category!: string;

  @Column({ name: 'ran_at', type: 'timestamptz' })
  ranAt!: Date;

  @Column({ type: 'integer' })
  deleted!: number;

  @Column({ name: 'by_username', type: 'text' })
  byUsername!: string;
}
