import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What a board member's session is bound to (sign-in by access code, no user account). */
export type BoardSessionScope = {
  readonly officeId: string;
  readonly electionId: string;
  readonly districtIds: readonly string[];
  /** The access code that opened the session; revoking the code ends the session. */
  readonly codeId: string;
  /** The name the board member gave at sign-in, for the audit log. */
  readonly name: string;
};

/**
 * A signed-in session; only the SHA-256 of its token is stored. A board member's session has a
 * `boardScope` and the board member's id as its `userId` (board_members: one per code and name, so that
 * two board members are two people and two sessions of one member are one).
 */
@Entity({ name: 'sessions' })
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Index()
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'board_scope', type: 'jsonb', nullable: true })
  boardScope!: BoardSessionScope | null;
}
