import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type RollAuditAction =
  | 'roll-built'
  | 'proposal-accepted'
  | 'proposal-rejected'
  | 'voter-lookup'
  | 'postal-vote-marked'
  | 'numbers-locked'
  | 'roll-closed'
  | 'a3-recorded'
  | 'a3-issued'
  | 'address-assigned';

/**
 * Who did what to the roll, when and why (R1.20: every change after the Stichtag is recorded), and
 * every voter lookup. Kept in the database, not in the application log: it names persons.
 */
@Entity({ name: 'roll_audit_entries' })
@Index(['electionId', 'at'])
export class RollAuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'actor_username', type: 'text' })
  actorUsername!: string;

  @Column({ type: 'text' })
  action!: RollAuditAction;

  @Column({ name: 'voter_id', type: 'integer', nullable: true })
  voterId!: number | null;

  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  proposalId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
