import type { PollWorkerSource } from '@wahl/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OfficeEntity } from '../../identity/entities/office.entity';

/**
 * A person who serves or may serve on a board (Wahlhelfer, DOMAIN.md 7.6), kept per office across
 * elections. Fields follow BWahlG § 9(4) (R7.18); e-mail only with the person's consent (sign-up) or
 * from the office's own staff list. Seen by the office only.
 */
@Entity({ name: 'poll_workers' })
@Index(['officeId', 'familyName', 'givenNames'])
export class PollWorkerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId!: string;

  @ManyToOne(() => OfficeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'office_id' })
  office?: OfficeEntity;

  @Column({ name: 'family_name', type: 'text' })
  familyName!: string;

  @Column({ name: 'given_names', type: 'text' })
  givenNames!: string;

  /** `YYYY-MM-DD`. */
  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  @Column({ type: 'text' })
  street!: string;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text' })
  source!: PollWorkerSource;

  /** Agreed to be asked again for the next election (BWahlG § 9(4) S. 2); otherwise deleted after the retention period. */
  @Column({ name: 'keep_for_next_election', type: 'boolean', default: false })
  keepForNextElection!: boolean;

  /** Earlier appointments (R7.18: number of appointments and function). */
  @Column({ name: 'appointments_count', type: 'integer', default: 0 })
  appointmentsCount!: number;

  /** Served as Wahlvorsteher or deputy before (known to the office or declared at sign-up). */
  @Column({ name: 'chair_experience', type: 'boolean', default: false })
  chairExperience!: boolean;

  /** Election day of the last election the person was in the pool of; the retention clock starts there. */
  @Column({ name: 'last_election_day', type: 'date', nullable: true })
  lastElectionDay!: string | null;

  @Column({ type: 'text', default: '' })
  note!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
