import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DistrictEntity } from '../../elections/entities/district.entity';
import { RollClosingEntity } from './roll-closing.entity';

/** The counts of one polling district fixed at closing (R1.21; DOMAIN.md 4.1: A1, A2, A3). */
@Entity({ name: 'roll_closing_districts' })
export class RollClosingDistrictEntity {
  @PrimaryColumn({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => RollClosingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  closing?: RollClosingEntity;

  @PrimaryColumn({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_id' })
  district?: DistrictEntity;

  @Column({ type: 'integer' })
  a1!: number;

  @Column({ type: 'integer' })
  a2!: number;

  @Column({ type: 'integer' })
  a3!: number;
}
