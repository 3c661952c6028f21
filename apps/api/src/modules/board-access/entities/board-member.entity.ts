import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BoardAccessCodeEntity } from './board-access-code.entity';

/**
 * A board member who signed in personally with an access code (issue #17, four eyes): identified by
 * the code and the normalised name, authenticated by a PIN set at the first sign-in (argon2 hash).
 * Every session of the member has the member's id as its principal, so a second session is the same person.
 */
@Entity({ name: 'board_members' })
@Index(['codeId', 'nameKey'], { unique: true })
export class BoardMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'code_id', type: 'uuid' })
  codeId!: string;

  @ManyToOne(() => BoardAccessCodeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'code_id' })
  code?: BoardAccessCodeEntity;

  @Index()
  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  /** The name as compared: Unicode NFC, lower case, single spaces. */
  @Column({ name: 'name_key', type: 'text' })
  nameKey!: string;

  /** The name as first given, for the audit log. */
  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'pin_hash', type: 'text' })
  pinHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
