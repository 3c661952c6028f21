import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ElectionEntity } from '../../elections/entities/election.entity';

/**
 * The public side of one election: the version counter every API process numbers its broadcasts
 * by, and what R8.5 has already made public (see publication-decisions.ts). The row is locked while
 * a process decides and publishes, so versions and decisions are the same on every process.
 */
@Entity({ name: 'public_results_state' })
export class PublicResultsStateEntity {
  @PrimaryColumn({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @OneToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  /** Goes up by one with every published change. */
  @Column({ type: 'integer', default: 0 })
  version!: number;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** SHA-1 over every area's published result: tells a freshly started process whether the database moved on unpublished. */
  @Column({ name: 'content_digest', type: 'text', nullable: true })
  contentDigest!: string | null;

  /** R8.5: districts whose own result has been public. */
  @Column({ name: 'published_alone', type: 'jsonb', default: () => `'[]'` })
  publishedAlone!: string[];

  /** R8.5: merged pairs as published (both directions). */
  @Column({ name: 'merged_pairs', type: 'jsonb', default: () => `'{}'` })
  mergedPairs!: Record<string, string>;
}
