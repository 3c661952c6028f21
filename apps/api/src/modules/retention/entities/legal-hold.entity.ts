import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ElectionEntity } from '../../elections/entities/election.entity';

/**
 * R8.4: a legal hold (Wahlprüfung, Strafverfahren) stops every deletion of the election's data until
 * an office admin lifts it. Setting and lifting are recorded in the election's audit chain.
 */
@Entity({ name: 'retention_holds' })
export class LegalHoldEntity {
  @PrimaryColumn({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @OneToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  /** 'wahlpruefung' or 'strafverfahren'. */
  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'set_at', type: 'timestamptz' })
  setAt!: Date;

  @Column({ name: 'set_by_username', type: 'text' })
  setByUsername!: string;
}
