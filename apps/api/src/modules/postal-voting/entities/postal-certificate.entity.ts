import type { CertificateStatus, InvalidationReason } from '@wahl/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ElectionEntity } from '../../elections/entities/election.entity';
import { PostalApplicationEntity } from './postal-application.entity';

/**
 * A Wahlschein (BWO § 28) in the Wahlscheinverzeichnis: running number per election, the voter's
 * "W" in the roll (R1.15). Declared invalid with a reason when lost or replaced; never deleted. A
 * voter holds at most one valid certificate.
 */
@Entity({ name: 'postal_certificates' })
@Index(['electionId', 'sequence'], { unique: true })
@Index(['electionId', 'number'], { unique: true })
@Index('postal_certificates_one_valid_per_voter', ['electionId', 'voterId'], { unique: true, where: `status = 'valid'` })
@Index(['electionId', 'districtId', 'issuedAt'])
@Index(['batchId'])
export class PostalCertificateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId!: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId!: string;

  @ManyToOne(() => PostalApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: PostalApplicationEntity;

  @Column({ name: 'voter_id', type: 'integer' })
  voterId!: number;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  /** Running number within the election (Wahlscheinverzeichnis). */
  @Column({ type: 'integer' })
  sequence!: number;

  /** Printed number, `<district>-<sequence>` (formatCertificateNumber). */
  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'text', default: 'valid' })
  status!: CertificateStatus;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ name: 'issued_by_username', type: 'text' })
  issuedByUsername!: string;

  /** The bulk issuing run it came from: certificates and labels are printed per run. */
  @Column({ name: 'batch_id', type: 'uuid' })
  batchId!: string;

  /** The invalid certificate this one replaces. */
  @Column({ name: 'replaces_id', type: 'uuid', nullable: true })
  replacesId!: string | null;

  @Column({ name: 'invalidated_at', type: 'timestamptz', nullable: true })
  invalidatedAt!: Date | null;

  @Column({ name: 'invalidated_by_username', type: 'text', nullable: true })
  invalidatedByUsername!: string | null;

  @Column({ name: 'invalid_reason', type: 'text', nullable: true })
  invalidReason!: InvalidationReason | null;

  @Column({ name: 'invalid_note', type: 'text', nullable: true })
  invalidNote!: string | null;
}
