import type { RefreshmentRates } from '@wahl/domain';
import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ElectionEntity } from '../../../elections/entities/election.entity';

/** Refreshment money of one election (R7.19): the amount per function and the municipality's paying account. */
@Entity({ name: 'poll_worker_payment_settings' })
export class PaymentSettingsEntity {
  @PrimaryColumn({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @OneToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  /** Cents per function, e.g. `{ "chair": 3500, "assessor": 2500, … }`. */
  @Column({ type: 'jsonb' })
  rates!: RefreshmentRates;

  @Column({ name: 'debtor_name', type: 'text', nullable: true })
  debtorName!: string | null;

  @Column({ name: 'debtor_iban', type: 'text', nullable: true })
  debtorIban!: string | null;

  @Column({ name: 'debtor_bic', type: 'text', nullable: true })
  debtorBic!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
