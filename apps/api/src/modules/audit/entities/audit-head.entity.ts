import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The newest link of an election's audit chain: catches deletions at the end of the log. */
@Entity({ name: 'election_audit_heads' })
export class AuditHeadEntity {
  @PrimaryColumn({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  @Column({ name: 'last_seq', type: 'integer' })
  lastSeq!: number;

  @Column({ name: 'last_hash', type: 'text' })
  lastHash!: string;
}
