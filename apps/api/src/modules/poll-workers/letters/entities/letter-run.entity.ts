import type { LetterRunState } from '@wahl/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ElectionEntity } from '../../../elections/entities/election.entity';

/** A bulk run of appointment letters: the seats chosen when it started, its progress and its PDF file. */
@Entity({ name: 'poll_worker_letter_runs' })
export class LetterRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @ManyToOne(() => ElectionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'election_id' })
  election?: ElectionEntity;

  @Column({ type: 'text' })
  state!: LetterRunState;

  /** The assignments (pw's seats) the run writes to, fixed at the start. */
  @Column({ name: 'assignment_ids', type: 'uuid', array: true })
  assignmentIds!: string[];

  @Column({ type: 'integer', default: 0 })
  done!: number;

  /** Who started it, as the audit log names them: `{ id, name, role }`. */
  @Column({ name: 'started_by', type: 'jsonb' })
  startedBy!: { id: string; name: string; role: string };

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  /** The PDF under the data folder (mode 0600: it holds the access codes in clear). */
  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
