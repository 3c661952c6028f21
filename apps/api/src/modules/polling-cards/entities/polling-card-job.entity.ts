import type { CardElection } from '@wahl/domain';
import { Column, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { PollingCardJobKind, PollingCardJobStatus } from '@wahl/contracts';

export type { PollingCardJobKind, PollingCardJobStatus };

/**
 * A print job of polling cards: the main run for the roll, a follow-up for voters entered later
 * (R3.4), or one replacement card (lost card; the row records who asked for it and why). Its pieces
 * are fixed when the job is prepared, so a resumed job prints exactly what it would have printed.
 */
@Entity({ name: 'polling_card_jobs' })
@Index(['electionId', 'createdAt'])
export class PollingCardJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Printed in every inserter code (R3.15); six digits. */
  @Column({ name: 'job_number', type: 'integer', unique: true })
  @Generated('increment')
  jobNumber!: number;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId!: string;

  @Column({ type: 'text' })
  kind!: PollingCardJobKind;

  @Column({ type: 'text' })
  status!: PollingCardJobStatus;

  /** Kind, name and days of the election as printed, fixed with the job. */
  @Column({ type: 'jsonb' })
  election!: CardElection;

  @Column({ type: 'text' })
  layout!: string;

  @Column({ name: 'template_id', type: 'text' })
  templateId!: string;

  /** SHA-256 over the template files; a job does not resume with changed templates. */
  @Column({ name: 'template_fingerprint', type: 'text' })
  templateFingerprint!: string;

  /** Folder of the lot files and the manifest. */
  @Column({ name: 'out_dir', type: 'text' })
  outDir!: string;

  /** The QR link is this plus the voter's token (R3.8). */
  @Column({ name: 'application_url_base', type: 'text' })
  applicationUrlBase!: string;

  /** CreationDate of every PDF of the job: same pieces, same bytes. */
  @Column({ name: 'document_date', type: 'timestamptz' })
  documentDate!: Date;

  @Column({ name: 'lot_size', type: 'integer' })
  lotSize!: number;

  @Column({ type: 'integer' })
  pieces!: number;

  @Column({ type: 'integer' })
  lots!: number;

  @Column({ name: 'lots_done', type: 'integer', default: 0 })
  lotsDone!: number;

  @Column({ name: 'pieces_done', type: 'integer', default: 0 })
  piecesDone!: number;

  @Column({ name: 'pieces_per_second', type: 'real', nullable: true })
  piecesPerSecond!: number | null;

  /** Replacement cards: why (lost, damaged …). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @Column({ name: 'created_by_username', type: 'text' })
  createdByUsername!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  message!: string | null;
}
