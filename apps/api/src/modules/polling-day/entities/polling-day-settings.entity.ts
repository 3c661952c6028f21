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
}
