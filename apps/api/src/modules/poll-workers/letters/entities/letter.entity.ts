import type { LetterReply } from '@wahl/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { BoardAccessCodeEntity } from '../../../board-access/entities/board-access-code.entity';
import { AssignmentEntity } from '../../entities/assignment.entity';
import { LetterRunEntity } from './letter-run.entity';

/** The latest appointment letter of a seat: its run, the personal access code printed in it, the reply. */
@Entity({ name: 'poll_worker_letters' })
export class LetterEntity {
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' })
  assignmentId!: string;

  @OneToOne(() => AssignmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: AssignmentEntity;

  @Index()
  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId!: string;

  @ManyToOne(() => LetterRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: LetterRunEntity;

  @Column({ name: 'access_code_id', type: 'uuid', nullable: true })
  accessCodeId!: string | null;

  @ManyToOne(() => BoardAccessCodeEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'access_code_id' })
  accessCode?: BoardAccessCodeEntity;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  @Column({ type: 'text', nullable: true })
  reply!: LetterReply | null;

  @Column({ name: 'reply_note', type: 'text', default: '' })
  replyNote!: string;

  @Column({ name: 'replied_at', type: 'timestamptz', nullable: true })
  repliedAt!: Date | null;
}
