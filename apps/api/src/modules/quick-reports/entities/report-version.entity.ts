import type { PlausibilityFinding, QuickReport } from '@wahl/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DistrictEntity } from '../../elections/entities/district.entity';
import { ElectionEntity } from '../../elections/entities/election.entity';

export type ReportVersionKind = 'entry' | 'correction';
export type WarningConfirmation = { readonly rule: string; readonly comment: string };

/** Every version of every district's quick report; rows are only ever inserted (append-only). */
@Entity({ name: 'election_night_reports' })
@Index(['districtId', 'version'], { unique: true })
export class ReportVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id' })
  district?: DistrictEntity;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  kind!: ReportVersionKind;

  /** The election's results phase when the version was stored: 'rehearsal' (Probe) or 'live'. */
  @Column({ type: 'text', default: 'live' })
  phase!: 'rehearsal' | 'live';

  /** The report as checked: district id, contests by key, lists in ballot order. */
  @Column({ type: 'jsonb' })
  report!: QuickReport;

  /** SHA-256 over the numbers only; equal fingerprints = the same numbers (blind double entry). */
  @Column({ type: 'text' })
  fingerprint!: string;

  /** Plausibility warnings at entry, each confirmed with a comment. */
  @Column({ type: 'jsonb' })
  warnings!: PlausibilityFinding[];

  @Column({ type: 'jsonb' })
  confirmations!: WarningConfirmation[];

  /** Corrections: why the office changed a confirmed report. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'entered_by', type: 'uuid' })
  enteredBy!: string;

  @Column({ name: 'entered_by_name', type: 'text' })
  enteredByName!: string;

  @Column({ name: 'entered_by_role', type: 'text' })
  enteredByRole!: string;

  @Column({ name: 'entered_at', type: 'timestamptz' })
  enteredAt!: Date;
}
