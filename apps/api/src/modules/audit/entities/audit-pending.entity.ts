import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditEvent } from '../audit-chain';

/**
 * Audit events written in the same transaction as the action they record, waiting to be placed in
 * the chain by the sealer (moments later). Keeps the chain's serialisation out of every request.
 */
@Entity({ name: 'election_audit_pending' })
@Index(['electionId', 'id'])
export class AuditPendingEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @Column({ type: 'jsonb' })
  event!: AuditEvent;
}
