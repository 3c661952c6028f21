import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AreaEntity } from './area.entity';
import { ElectionEntity } from './election.entity';
import { PollingStationEntity } from './polling-station.entity';

/** Urnenwahlbezirk (`polling`) or Briefwahlbezirk (`postal`, R2.5); `number` is the document key. */
@Entity({ name: 'districts' })
@Index(['electionId', 'number'], { unique: true })
export class DistrictEntity {
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
  number!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: 'polling' | 'postal';

  @Index()
  @Column({ name: 'polling_station_id', type: 'uuid', nullable: true })
  pollingStationId!: string | null;

  @ManyToOne(() => PollingStationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'polling_station_id' })
  pollingStation?: PollingStationEntity;

  /** The Briefwahlbezirk whose ballots belong to this district (P10). */
  @Index()
  @Column({ name: 'postal_district_id', type: 'uuid', nullable: true })
  postalDistrictId!: string | null;

  @ManyToOne(() => DistrictEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'postal_district_id' })
  postalDistrict?: DistrictEntity;

  @Column({ type: 'integer', nullable: true })
  inhabitants!: number | null;

  /** The innermost Stadtbezirk or Stadtteil; NULL: directly in the municipality. */
  @Index()
  @Column({ name: 'area_id', type: 'uuid', nullable: true })
  areaId!: string | null;

  @ManyToOne(() => AreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'area_id' })
  area?: AreaEntity;
}
