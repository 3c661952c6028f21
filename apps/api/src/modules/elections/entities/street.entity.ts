import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ElectionEntity } from './election.entity';

/** A street of the street directory (R2.4); `key` is the resident register's Straßenschlüssel. */
@Entity({ name: 'streets' })
@Index(['electionId', 'key'], { unique: true })
export class StreetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ type: 'integer' })
  ordinal!: number;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;
}
