import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One voter in the roll (R1.11): entered ex officio, in a polling district, with the running number
 * (R1.12, R1.14) and the marks (R1.15). Written in bulk by the build (COPY); no foreign keys, for the
 * same reason as register_rows: the build joins the election's own districts. The build's entries
 * leave names, address and Auskunftssperre empty: they are read from the register row the entry
 * references (source_import_id, source_line_no; kept as long as the roll is built from it). Entries
 * added or renamed later carry their own values. The view `roll_voters` reads the entry with them.
 */
@Entity({ name: 'roll_entries' })
@Index(['districtId', 'voterNumber'], { unique: true })
export class RollEntryEntity {
  @PrimaryColumn({ name: 'election_id', type: 'uuid' })
  electionId!: string;

  /** Stable id of the entry within the election (1..n in roll order; later additions continue). */
  @PrimaryColumn({ name: 'voter_id', type: 'integer' })
  voterId!: number;

  @Column({ name: 'district_id', type: 'uuid' })
  districtId!: string;

  /** Wählerverzeichnis-Nummer within the district (R1.14). */
  @Column({ name: 'voter_number', type: 'integer' })
  voterNumber!: number;

  @Column({ name: 'person_id', type: 'text' })
  personId!: string;

  @Column({ name: 'family_name', type: 'text', nullable: true })
  familyName!: string | null;

  @Column({ name: 'given_names', type: 'text', nullable: true })
  givenNames!: string | null;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  @Column({ type: 'text', nullable: true })
  street!: string | null;

  /** With the suffix, as printed: `12a`. */
  @Column({ name: 'house_number', type: 'text', nullable: true })
  houseNumber!: string | null;

  @Column({ name: 'postal_code', type: 'text', nullable: true })
  postalCode!: string | null;

  @Column({ type: 'text', nullable: true })
  city!: string | null;

  /** Auskunftssperre (BMG § 51): never shown to third parties (R8.1). */
  @Column({ name: 'information_block', type: 'boolean', nullable: true })
  informationBlock!: boolean | null;

  /** `active`, or `removed` after an accepted change (deletion mark, R1.17); the number is kept. */
  @Column({ type: 'text', default: 'active' })
  status!: 'active' | 'removed';

  @Column({ name: 'removal_reason', type: 'text', nullable: true })
  removalReason!: string | null;

  /** Bemerkungen (R1.13), e.g. the record of a correction (R1.20). */
  @Column({ type: 'text', nullable: true })
  remarks!: string | null;

  /** R1.15: Wahlschein issued ("W"); its number. */
  @Column({ name: 'postal_vote_certificate', type: 'text', nullable: true })
  postalVoteCertificate!: string | null;

  @Column({ name: 'postal_vote_marked_at', type: 'timestamptz', nullable: true })
  postalVoteMarkedAt!: Date | null;

  @Column({ name: 'added_after_build', type: 'boolean', default: false })
  addedAfterBuild!: boolean;

  @Column({ name: 'source_import_id', type: 'uuid' })
  sourceImportId!: string;

  @Column({ name: 'source_line_no', type: 'integer' })
  sourceLineNo!: number;
}
