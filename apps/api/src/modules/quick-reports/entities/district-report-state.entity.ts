import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { DistrictEntity } from '../../elections/entities/district.entity';
import { ElectionEntity } from '../../elections/entities/election.entity';
import type { DistrictState } from '@wahl/contracts';
import type { PendingVersion } from '../report-states';

/** Where one district's report stands; the row is locked while a report is entered or decided. */
@Entity({ name: 'election_night_districts' })
@Index(['electionId', 'countedSeq'])
export class DistrictReportStateEntity {
  @PrimaryColumn({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @OneToOne(() => DistrictEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id' })
  district?: DistrictEntity;

  @Index()
  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ type: 'text', default: 'missing' })
  state!: DistrictState;

  @Column({ name: 'current_version', type: 'integer', default: 0 })
  currentVersion!: number;

  @Column({ name: 'counted_version', type: 'integer', nullable: true })
  countedVersion!: number | null;

  /** Goes up by one whenever the counted version changes; the in-memory totals compare it. */
  @Column({ name: 'counted_revision', type: 'integer', default: 0 })
  countedRevision!: number;

  /**
   * Set from the sequence `election_night_counted_seq` whenever counted_revision moves: another API
   * process reads only the rows past the highest marker it applied (AggregationRepository.countedSince).
   */
  @Column({ name: 'counted_seq', type: 'bigint', default: 0 })
  countedSeq!: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  pending!: PendingVersion[];

  /** Flagged: the version the current one differs from. */
  @Column({ name: 'compared_version', type: 'integer', nullable: true })
  comparedVersion!: number | null;

  /** Who confirmed the counted version (approval or blind entry). */
  @Column({ name: 'confirmed_by_name', type: 'text', nullable: true })
  confirmedByName!: string | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt!: Date | null;
}
