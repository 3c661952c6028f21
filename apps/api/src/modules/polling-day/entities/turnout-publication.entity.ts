import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ElectionEntity } from '../../elections/entities/election.entity';

/** The municipality's turnout at one report time as the office published it (urn voters only, R7.12). */
@Entity({ name: 'turnout_publications' })
export class TurnoutPublicationEntity {
  @PrimaryColumn({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @PrimaryColumn({ type: 'text' })
  slot!: string;

  /** Stimmabgabevermerke + Wahlscheine of the reporting stations. */
  @Column({ type: 'integer' })
  voters!: number;

  /** A1 + A2 of the reporting districts from the roll (R7.12); null while no roll is built. */
  @Column({ type: 'integer', nullable: true })
  eligible!: number | null;

  @Column({ name: 'reported_districts', type: 'integer' })
  reportedDistricts!: number;

  @Column({ name: 'expected_districts', type: 'integer' })
  expectedDistricts!: number;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ name: 'published_by_name', type: 'text' })
  publishedByName!: string;

  /** The member districts of every version published so far, oldest first (R8.7's log of this figure; never public). */
  @Column({ name: 'member_versions', type: 'jsonb', default: () => `'[]'` })
  memberVersions!: string[][];
}
