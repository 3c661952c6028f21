import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ElectionEntity } from '../../elections/entities/election.entity';

/**
 * R1.21 (BWO § 24(1)): the closing certificate of an election's roll, as certified: the person and
 * function who signed, and the printed certificate itself (kept unchanged; corrections after closing
 * go through the Nachtragsliste "W" and the audit table, never through this row).
 */
@Entity({ name: 'roll_closings' })
export class RollClosingEntity {
  @PrimaryColumn({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @OneToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ name: 'closed_at', type: 'timestamptz' })
  closedAt!: Date;

  @Column({ name: 'closed_by_username', type: 'text' })
  closedByUsername!: string;

  @Column({ name: 'signer_name', type: 'text' })
  signerName!: string;

  @Column({ name: 'signer_function', type: 'text' })
  signerFunction!: string;

  @Column({ type: 'text', nullable: true })
  place!: string | null;

  /** The printed certificate (PDF) as it was at closing. */
  @Column({ type: 'bytea' })
  document!: Buffer;
}
