import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { DistrictBoundary } from '@wahl/domain';
import { ElectionEntity } from './election.entity';

/**
 * An election's district boundaries (issue 15): the imported geometries by district number (numbers
 * outlive a re-import of the districts, ids do not) and the simplified map served to the public.
 */
@Entity({ name: 'district_maps' })
export class DistrictMapEntity {
  @PrimaryColumn({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  /** Planar coordinates as parsed (libs/domain election/boundaries). */
  @Column({ type: 'jsonb' })
  boundaries!: DistrictBoundary[];

  /** The public map's JSON text (DistrictMap), built once on import. */
  @Column({ name: 'map_json', type: 'text' })
  mapJson!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
