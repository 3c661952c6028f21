import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { ProposalKind, ProposalStatus } from '@wahl/contracts';

export type ChangeProposalKind = ProposalKind;
export type ChangeProposalStatus = ProposalStatus;

/** A difference between the frozen roll and a later register import, for the clerk to decide. */
@Entity({ name: 'roll_change_proposals' })
@Index(['electionId', 'status'])
export class RollChangeProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @Column({ name: 'import_id', type: 'uuid' })
  importId!: string;

  @Column({ type: 'text' })
  kind!: ChangeProposalKind;

  @Column({ type: 'text', default: 'open' })
  status!: ChangeProposalStatus;

  /** The roll entry concerned; null for `moved-in`. */
  @Column({ name: 'voter_id', type: 'integer', nullable: true })
  voterId!: number | null;

  /** The register row of the import; null for `died`. */
  @Column({ name: 'line_no', type: 'integer', nullable: true })
  lineNo!: number | null;

  @Column({ name: 'person_id', type: 'text' })
  personId!: string;

  /** What the roll says and what the register says now (names, district, address). */
  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by_username', type: 'text', nullable: true })
  decidedByUsername!: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;
}
