import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { AreaKind } from '@wahl/domain';
import { ElectionEntity } from './election.entity';

/**
 * A Stadtbezirk or Stadtteil between the municipality and its districts (optional level); `key` is
 * the document key. `parent_id` NULL: directly below the municipality. Districts point here.
 */
@Entity({ name: 'areas' })
@Index(['electionId', 'key'], { unique: true })
export class AreaEntity {
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

  @Column({ type: 'text' })
  kind!: AreaKind;

  @Index()
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => AreaEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: AreaEntity;
}
