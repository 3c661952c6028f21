import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ElectionEntity } from '../../elections/entities/election.entity';

/** The state of an election's roll (Wählerverzeichnis): which import it was built from, and locks. */
@Entity({ name: 'rolls' })
export class RollEntity {
  @PrimaryColumn({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @OneToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId!: string;

  @Column({ name: 'base_import_id', type: 'uuid' })
  baseImportId!: string;

  /** The Stichtag the roll was built as of (R1.7/R1.8). */
  @Column({ name: 'cutoff_day', type: 'date' })
  cutoffDay!: string;

  @Column({ name: 'built_at', type: 'timestamptz' })
  builtAt!: Date;

  @Column({ name: 'built_by_username', type: 'text' })
  builtByUsername!: string;

  @Column({ type: 'integer' })
  residents!: number;

  @Column({ type: 'integer' })
  voters!: number;

  @Column({ name: 'not_entered', type: 'integer' })
  notEntered!: number;

  /** Entitled residents whose address matched no polling district or several (listed for the clerk). */
  @Column({ type: 'integer' })
  unassigned!: number;

  /**
   * R1.14: once the polling cards are printed, voter numbers never change. Set by the polling-cards
   * module; a locked roll is never rebuilt, later additions get the next free number.
   */
  @Column({ name: 'numbers_locked', type: 'boolean', default: false })
  numbersLocked!: boolean;

  @Column({ name: 'numbers_locked_at', type: 'timestamptz', nullable: true })
  numbersLockedAt!: Date | null;

  /**
   * R1.21 (BWO § 24(1)): when the roll was closed and its counts fixed. Wahlscheine issued later are
   * listed separately for the boards (R1.16, the postal-voting module's Nachtragsliste W).
   */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closed_by_username', type: 'text', nullable: true })
  closedByUsername!: string | null;
}
