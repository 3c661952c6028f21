import type { ElectionRecordContent } from '@wahl/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { DistrictEntity } from '../../elections/entities/district.entity';
import { ElectionEntity } from '../../elections/entities/election.entity';

/** A personal signature: the member's principal (sign-in) and the name as signed in. */
export type StoredRecordSignature = { readonly memberId: string; readonly name: string; readonly signedAt: string };

/** The Wahlniederschrift of one district (BWO § 72, Anlage 29): the latest revision and its signatures. */
@Entity({ name: 'polling_day_records' })
export class ElectionRecordEntity {
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

  /** Goes up with every save; signatures belong to one revision. */
  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'jsonb' })
  record!: ElectionRecordContent;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  signatures!: StoredRecordSignature[];

  @Column({ name: 'saved_by_name', type: 'text' })
  savedByName!: string;

  @Column({ name: 'saved_at', type: 'timestamptz' })
  savedAt!: Date;

  @Column({ name: 'checked_at', type: 'timestamptz', nullable: true })
  checkedAt!: Date | null;

  @Column({ name: 'checked_by_name', type: 'text', nullable: true })
  checkedByName!: string | null;
}
