import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DistrictEntity } from '../../elections/entities/district.entity';
import { ElectionEntity } from '../../elections/entities/election.entity';

/**
 * A person entitled to vote but not in the roll who applied for a Wahlschein under BWO § 25(2)
 * (DOMAIN.md 4.1, A3). Kept beside the roll, never in it: such a person gets no roll number and no
 * "W"; the polling district follows the address and counts the person in its A3 once issued.
 */
@Entity({ name: 'roll_a3_entries' })
@Index(['electionId', 'districtId'])
export class RollA3EntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

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

  @Column({ name: 'family_name', type: 'text' })
  familyName!: string;

  @Column({ name: 'given_names', type: 'text' })
  givenNames!: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  @Column({ type: 'text' })
  street!: string;

  @Column({ name: 'house_number', type: 'text' })
  houseNumber!: string;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;

  @Column({ type: 'text' })
  city!: string;

  /** The ground of BWO § 25(2) (`A3_REASONS`) and the clerk's note on the proof. */
  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'reason_note', type: 'text' })
  reasonNote!: string;

  /** The Wahlschein's number once issued; only then the person counts in A3. */
  @Column({ name: 'certificate_number', type: 'text', nullable: true })
  certificateNumber!: string | null;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  @Column({ name: 'issued_by_username', type: 'text', nullable: true })
  issuedByUsername!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'created_by_username', type: 'text' })
  createdByUsername!: string;
}
