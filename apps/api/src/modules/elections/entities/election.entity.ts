import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ElectionDeadlines, ElectionKind, Municipality } from '@wahl/domain';

/**
 * One imported election of an office (tenant). The document's value objects that nobody joins on
 * (contact, deadline overrides) are kept as `json`, not `jsonb`, so their key order survives export.
 */
@Entity({ name: 'elections' })
export class ElectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'office_id', type: 'uuid' })
  officeId!: string;

  @Column({ name: 'schema_version', type: 'integer' })
  schemaVersion!: number;

  @Column({ type: 'text' })
  kind!: ElectionKind;

  @Column({ type: 'text' })
  name!: string;

  /** `YYYY-MM-DD`; PostgreSQL `date` comes back as that string, no time zone involved. */
  @Column({ name: 'election_day', type: 'date' })
  electionDay!: string;

  @Column({ name: 'municipality_ags', type: 'text' })
  municipalityAgs!: string;

  @Column({ name: 'municipality_name', type: 'text' })
  municipalityName!: string;

  @Column({ name: 'municipality_contact', type: 'json', nullable: true })
  municipalityContact!: Municipality['contact'] | null;

  @Column({ name: 'constituency_number', type: 'text', nullable: true })
  constituencyNumber!: string | null;

  @Column({ name: 'constituency_name', type: 'text', nullable: true })
  constituencyName!: string | null;

  @Column({ name: 'deadline_overrides', type: 'json', nullable: true })
  deadlineOverrides!: Partial<ElectionDeadlines> | null;

  @Column({ name: 'previous_election_name', type: 'text', nullable: true })
  previousElectionName!: string | null;

  @Column({ name: 'previous_election_day', type: 'date', nullable: true })
  previousElectionDay!: string | null;

  /**
   * 'rehearsal' (Probe: every public output watermarked, resettable) or 'live'; switched only while
   * no result is stored, so the two never mix (docs/REHEARSAL.md).
   */
  @Column({ name: 'results_phase', type: 'text', default: 'live' })
  resultsPhase!: 'rehearsal' | 'live';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
