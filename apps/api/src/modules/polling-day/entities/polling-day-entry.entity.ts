import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DistrictEntity } from '../../elections/entities/district.entity';
import { ElectionEntity } from '../../elections/entities/election.entity';

/**
 * What a station's board sent during the day (DOMAIN.md 7.2, 7.3): attendance, opening, turnout,
 * incidents. The id is the device's, so a retried send finds its row instead of adding one.
 */
@Entity({ name: 'polling_day_entries' })
@Index(['electionId', 'districtId', 'receivedAt'])
export class PollingDayEntryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id' })
  district?: DistrictEntity;

  @Column({ type: 'text' })
  kind!: string;

  /** The entry as the contract's `PollingDayEntryBody`. */
  @Column({ type: 'jsonb' })
  entry!: unknown;

  @Column({ name: 'saved_at', type: 'timestamptz' })
  savedAt!: Date;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  /** The signed-in principal (board member or office user) and the name shown in the record. */
  @Column({ name: 'sent_by_id', type: 'uuid' })
  sentById!: string;

  @Column({ name: 'sent_by_name', type: 'text' })
  sentByName!: string;

  /** Incidents: when the office took note (the monitor then no longer counts it as open). */
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;
}
