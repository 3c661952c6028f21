import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { ElectionEntity } from '../../elections/entities/election.entity';

/** The office's plan of the day: turnout report times (R7.12) and when a silent station is flagged. */
@Entity({ name: 'polling_day_settings' })
export class PollingDaySettingsEntity {
  @PrimaryColumn({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @OneToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ name: 'turnout_slots', type: 'text', array: true })
  turnoutSlots!: string[];

  @Column({ name: 'silent_after_minutes', type: 'integer' })
  silentAfterMinutes!: number;

  /** Second channel (R7.16): a confirmed quick report counts only once the office entered the board's check code. */
  @Column({ name: 'check_code_required', type: 'boolean', default: false })
  checkCodeRequired!: boolean;

  /** The previous election's urn turnout at the same report times, where known: `[{ slot, percent }]`. */
  @Column({ name: 'previous_turnout', type: 'jsonb', default: () => `'[]'` })
  previousTurnout!: { slot: string; percent: number }[];
}
