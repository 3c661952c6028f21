import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ElectionEntity } from '../../elections/entities/election.entity';

/**
 * The public side of one election: the version counter every API process numbers its broadcasts
 * by. The row is locked while a process decides and publishes, so versions and decisions – and what
 * R8.5 has made public (public-record.entities.ts) – are the same on every process.
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
}
