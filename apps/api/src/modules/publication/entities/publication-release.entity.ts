import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ElectionEntity } from '../../elections/entities/election.entity';

/**
 * R8.7's publication log: every change of a released figure set, in order. A key is an area id or
 * a district id (that district's own figures); its members after entry `seq` are those of its
 * previous entry plus `added` minus `removed` (a version of a total adds its new districts only, so
 * a night of 10,000 districts stays small). Replayed on start (libs/domain differencing.ts), so a
 * restart never forgets what was public.
 */
@Entity({ name: 'publication_releases' })
export class PublicationReleaseEntity {
  @PrimaryColumn({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  /** 1, 2, 3 … per election, written under the election's public_results_state row lock. */
  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  /** The public version the release went out with (the open-data files may release between versions). */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'jsonb' })
  added!: string[];

  @Column({ type: 'jsonb' })
  removed!: string[];

  @Column({ name: 'released_at', type: 'timestamptz', default: () => 'now()' })
  releasedAt!: Date;
}
