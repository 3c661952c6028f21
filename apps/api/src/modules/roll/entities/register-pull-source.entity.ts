import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A register service an office may pull from, set by the provider (issue 17, finding 8): the server
 * calls no other address for that office, so an office admin cannot probe internal ports.
 */
@Entity({ name: 'register_pull_sources' })
export class RegisterPullSourceEntity {
  @PrimaryColumn({ name: 'office_id', type: 'uuid' })
  officeId!: string;

  /** Normalised base address (`URL.href` without a trailing slash). */
  @PrimaryColumn({ name: 'base_url', type: 'text' })
  baseUrl!: string;

  @Column({ name: 'created_by_username', type: 'text' })
  createdByUsername!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
