import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { PollWorkerEntity } from '../../entities/poll-worker.entity';

/**
 * A member's account for the refreshment money, given by the member for that purpose only (R7.18: bank
 * data is not among the fields of BWahlG § 9(4)); deleted with the person.
 */
@Entity({ name: 'poll_worker_bank_accounts' })
export class BankAccountEntity {
  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @OneToOne(() => PollWorkerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id' })
  person?: PollWorkerEntity;

  /** Normalised: no spaces, upper case, checked (ISO 13616) on entry. */
  @Column({ type: 'text' })
  iban!: string;

  @Column({ name: 'account_holder', type: 'text', nullable: true })
  accountHolder!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
