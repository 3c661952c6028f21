import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ContestEntity } from '../../elections/entities/contest.entity';
import { ElectionEntity } from '../../elections/entities/election.entity';

/**
 * The office declared a contest's council result final. From then on the stored result is what
 * everyone reads, and no further batch is accepted.
 */
@Entity({ name: 'council_result_declarations' })
export class CouncilResultDeclarationEntity {
  @PrimaryColumn({ name: 'contest_id', type: 'uuid' })
  contestId!: string;

  @ManyToOne(() => ContestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contest_id' })
  contest?: ContestEntity;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ name: 'declared_by', type: 'uuid' })
  declaredBy!: string;

  /** Recorded drawing of lots between lists (list keys, winners first), if the allocation needed one. */
  @Column({ type: 'json', nullable: true })
  lots!: string[] | null;

  /** The result as declared (the response body of GET council-result at that moment); `json` keeps its key order. */
  @Column({ type: 'json' })
  result!: unknown;

  @CreateDateColumn({ name: 'declared_at', type: 'timestamptz' })
  declaredAt!: Date;
}
