import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { HouseNumberParity } from '@wahl/domain';
import { DistrictEntity } from './district.entity';
import { ElectionEntity } from './election.entity';
import { StreetEntity } from './street.entity';

/** A house-number range of a street mapped to a polling district (R2.4); bounds as written. */
@Entity({ name: 'street_segments' })
export class StreetSegmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Index()
  @Column({ name: 'street_id', type: 'uuid' })
  streetId!: string;

  @ManyToOne(() => StreetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'street_id' })
  street?: StreetEntity;

  @Column({ type: 'integer' })
  ordinal!: number;

  @Column({ name: 'from_number', type: 'text' })
  fromNumber!: string;

  @Column({ name: 'to_number', type: 'text' })
  toNumber!: string;

  @Column({ type: 'text' })
  parity!: HouseNumberParity;

  @Index()
  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id' })
  district?: DistrictEntity;
}
