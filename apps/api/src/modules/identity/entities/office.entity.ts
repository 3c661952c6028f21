import type { OfficeLevel } from '@wahl/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export { OFFICE_LEVELS, type OfficeLevel } from '@wahl/contracts';

/** An election office (Wahlamt): the unit of tenancy. Offices above a municipality see its totals. */
@Entity({ name: 'offices' })
export class OfficeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Amtlicher Gemeindeschlüssel (8 digits) for municipalities; other official keys above. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  ags!: string;

  @Column({ type: 'text' })
  level!: OfficeLevel;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  /** The office's legal pages, linked in the public results page's footer (OfficePublicLinks). */
  @Column({ name: 'imprint_url', type: 'text', nullable: true })
  imprintUrl!: string | null;

  @Column({ name: 'privacy_url', type: 'text', nullable: true })
  privacyUrl!: string | null;

  @Column({ name: 'accessibility_url', type: 'text', nullable: true })
  accessibilityUrl!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
