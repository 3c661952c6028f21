import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A finished print lot (R3.15): written after its file is complete, so it marks where a restart resumes. */
@Entity({ name: 'polling_card_lots' })
export class PollingCardLotEntity {
  @PrimaryColumn({ name: 'job_id', type: 'uuid' })
  jobId!: string;

  @PrimaryColumn({ type: 'integer' })
  lot!: number;

  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'bigint' })
  bytes!: string;

  @Column({ name: 'first_piece', type: 'integer' })
  firstPiece!: number;

  @Column({ name: 'last_piece', type: 'integer' })
  lastPiece!: number;

  @Column({ type: 'integer' })
  pieces!: number;

  @Column({ type: 'integer' })
  sheets!: number;

  @Column({ type: 'integer' })
  pages!: number;

  @Column({ type: 'jsonb' })
  leitregionen!: Record<string, number>;

  @Column({ name: 'postal_codes', type: 'jsonb' })
  postalCodes!: Record<string, number>;

  /** Piece numbers and codes only (no names): e.g. an address printed smaller. */
  @Column({ type: 'jsonb' })
  warnings!: { piece: number; code: string }[];

  @Column({ name: 'finished_at', type: 'timestamptz', default: () => 'now()' })
  finishedAt!: Date;
}
