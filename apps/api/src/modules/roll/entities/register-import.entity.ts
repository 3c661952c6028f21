import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { RecordError } from '@wahl/domain';
import { ElectionEntity } from '../../elections/entities/election.entity';

import type { RegisterImportSource, RegisterImportStatusValue } from '@wahl/contracts';

export type { RegisterImportSource, RegisterImportStatusValue };

const bigintAsNumber = { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/**
 * One import of the resident register (a file or a pull): the job the office follows. Its `errors`
 * may quote register values (names, dates): shown to the office staff, never logged or broadcast.
 */
@Entity({ name: 'register_imports' })
@Index(['electionId', 'startedAt'])
export class RegisterImportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId!: string;

  @Column({ type: 'text' })
  source!: RegisterImportSource;

  @Column({ type: 'text' })
  status!: RegisterImportStatusValue;

  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  /** SHA-256 of the file's bytes (a pull: of its pages in order); recognises the same content again. */
  @Column({ name: 'content_sha256', type: 'text', nullable: true })
  contentSha256!: string | null;

  @Column({ type: 'text', nullable: true })
  encoding!: string | null;

  @Column({ name: 'skip_invalid', type: 'boolean' })
  skipInvalid!: boolean;

  /** Set when the content equals the import then in effect: nothing was changed. */
  @Column({ name: 'unchanged_from_import_id', type: 'uuid', nullable: true })
  unchangedFromImportId!: string | null;

  @Column({ name: 'records_read', type: 'integer', default: 0 })
  recordsRead!: number;

  @Column({ name: 'rows_imported', type: 'integer', default: 0 })
  rowsImported!: number;

  @Column({ name: 'rows_rejected', type: 'integer', default: 0 })
  rowsRejected!: number;

  @Column({ name: 'error_count', type: 'integer', default: 0 })
  errorCount!: number;

  /** The first 100 problems found. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors!: RecordError[];

  /** German summary of the outcome. */
  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @Column({ name: 'progress_done', type: 'bigint', default: 0, transformer: bigintAsNumber })
  progressDone!: number;

  @Column({ name: 'progress_total', type: 'bigint', nullable: true, transformer: bigintAsNumber })
  progressTotal!: number | null;

  /** `bytes` for a file, `pages` for a pull. */
  @Column({ name: 'progress_unit', type: 'text' })
  progressUnit!: 'bytes' | 'pages';

  @Column({ name: 'records_per_second', type: 'integer', nullable: true })
  recordsPerSecond!: number | null;

  @Column({ name: 'residents_entered', type: 'integer', nullable: true })
  residentsEntered!: number | null;

  @Column({ name: 'residents_unassigned', type: 'integer', nullable: true })
  residentsUnassigned!: number | null;

  @Column({ name: 'proposals_created', type: 'integer', nullable: true })
  proposalsCreated!: number | null;

  @Column({ name: 'pull_base_url', type: 'text', nullable: true })
  pullBaseUrl!: string | null;

  @Column({ name: 'pull_page_size', type: 'integer', nullable: true })
  pullPageSize!: number | null;

  /** A pull that stopped with stored pages can be resumed from the page after the last one. */
  @Column({ type: 'boolean', default: false })
  resumable!: boolean;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @Column({ name: 'created_by_username', type: 'text' })
  createdByUsername!: string;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
