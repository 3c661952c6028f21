import type { PostalStoredAddress, PostalStoredRepresentative } from '@wahl/contracts';
import type { PostalApplicationChannel, PostalApplicationState, PostalDeliveryKind } from '@wahl/domain';
import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ElectionEntity } from '../../elections/entities/election.entity';

/**
 * A Wahlschein application (BWO § 27): online with the card's link, online by name, or on paper
 * entered by a clerk. Personal data stays with the roll; the application keeps the voter id, the
 * district and what the voter chose. At most one non-rejected application per voter (R3.8).
 */
@Entity({ name: 'postal_applications' })
@Index('postal_applications_one_per_voter', ['electionId', 'voterId'], { unique: true, where: `state <> 'rejected'` })
@Index(['electionId', 'state', 'receivedAt'])
export class PostalApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /**
   * Running number across the installation; the Antragsnummer shown to the voter is derived from it
   * (formatApplicationReference, e.g. `A-0000042-2`). A sequence, so no lock per election.
   */
  @Column({ type: 'integer', unique: true })
  @Generated('increment')
  serial!: number;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId!: string;

  @Column({ name: 'voter_id', type: 'integer' })
  voterId!: number;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @Column({ type: 'text' })
  channel!: PostalApplicationChannel;

  @Column({ type: 'text', default: 'received' })
  state!: PostalApplicationState;

  /** When the application reached the office (a paper one may be entered later). */
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** The clerk who entered a paper application. */
  @Column({ name: 'entered_by_username', type: 'text', nullable: true })
  enteredByUsername!: string | null;

  @Column({ type: 'text' })
  delivery!: PostalDeliveryKind;

  @Column({ name: 'delivery_address', type: 'jsonb', nullable: true })
  deliveryAddress!: PostalStoredAddress | null;

  @Column({ type: 'jsonb', nullable: true })
  representative!: PostalStoredRepresentative | null;

  /** BWO § 27(4) S. 3: applied after the deadline on proven sudden illness (office only). */
  @Column({ name: 'sudden_illness', type: 'boolean', default: false })
  suddenIllness!: boolean;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by_username', type: 'text', nullable: true })
  decidedByUsername!: string | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;
}
