import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ElectionEntity } from './election.entity';

/** A polling room (Wahlraum); `key` is the document's id. */
@Entity({ name: 'polling_stations' })
@Index(['electionId', 'key'], { unique: true })
export class PollingStationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  /** Position in the document, so that export keeps the order. */
  @Column({ type: 'integer' })
  ordinal!: number;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  street!: string;

  @Column({ name: 'house_number', type: 'text' })
  houseNumber!: string;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ name: 'opening_hours', type: 'text' })
  openingHours!: string;

  @Column({ name: 'barrier_free', type: 'boolean' })
  barrierFree!: boolean;

  @Column({ name: 'barrier_free_note', type: 'text', nullable: true })
  barrierFreeNote!: string | null;
}
