import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CardRecord } from '@wahl/domain';

/** The printable data of a voter without the QR link (derived from the token issue when rendering). */
export type StoredCardRecord = Omit<CardRecord, 'applicationUrl'>;

/**
 * One piece of a job in mailing order (R3.10): the voter and what the card prints, fixed when the job
 * is prepared. Personal data like the roll itself, so it has to go when the roll goes (R8.4: six
 * months after the election); that deletion is not automated yet.
 */
@Entity({ name: 'polling_card_pieces' })
@Index(['electionId', 'voterId'])
export class PollingCardPieceEntity {
  @PrimaryColumn({ name: 'job_id', type: 'uuid' })
  jobId!: string;

  @PrimaryColumn({ type: 'integer' })
  piece!: number;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @Column({ name: 'voter_id', type: 'integer' })
  voterId!: number;

  /** Which of the voter's tokens the QR code carries (a replacement card gets a new one). */
  @Column({ name: 'token_issue', type: 'integer' })
  tokenIssue!: number;

  @Column({ type: 'jsonb' })
  record!: StoredCardRecord;
}
