import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One resident of one import with what the import pass derived for the roll: entry decision
 * (R1.1–R1.8) with its reasons, polling district (R2.4) and the roll order key (R1.12). Only what
 * the roll, the address check and the change proposals use is kept (the register facts behind a
 * decision are in the file, identified by its SHA-256). Written only by PostgreSQL COPY. No foreign
 * key: a referential check per row would slow a million-row import; the import id comes from the
 * same transaction, and rows are deleted with their import.
 */
@Entity({ name: 'register_rows' })
export class RegisterRowEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' })
  importId!: string;

  /** Line of the file (a pull: running number of the record). */
  @PrimaryColumn({ name: 'line_no', type: 'integer' })
  lineNo!: number;

  @Column({ name: 'person_id', type: 'text' })
  personId!: string;

  @Column({ name: 'family_name', type: 'text' })
  familyName!: string;

  @Column({ name: 'given_names', type: 'text' })
  givenNames!: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  @Column({ name: 'street_key', type: 'text' })
  streetKey!: string;

  @Column({ type: 'text' })
  street!: string;

  /** As printed and matched: number with its suffix (`12a`, `12/1`); empty without number. */
  @Column({ name: 'house_number', type: 'text' })
  houseNumber!: string;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;

  @Column({ type: 'text' })
  city!: string;

  @Column({ name: 'information_block', type: 'boolean' })
  informationBlock!: boolean;

  /** Entered ex officio as of the Stichtag (decideRollEntry). */
  @Column({ type: 'boolean' })
  entered!: boolean;

  /** Comma-separated IneligibilityReason codes, the main one first; null when entered. */
  @Column({ type: 'text', nullable: true })
  reasons!: string | null;

  /** The polling district's number when the address matched exactly one segment. */
  @Column({ name: 'district_number', type: 'text', nullable: true })
  districtNumber!: string | null;

  /** `match`, `ambiguous`, `unknown-street`, `invalid-house-number` or `no-segment`. */
  @Column({ name: 'address_status', type: 'text' })
  addressStatus!: string;

  /** For `ambiguous`: the comma-separated district numbers the address matches. */
  @Column({ name: 'address_candidates', type: 'text', nullable: true })
  addressCandidates!: string | null;

  /** rollOrderKey: sorts with COLLATE "C" exactly in roll order. */
  @Column({ name: 'order_key', type: 'text' })
  orderKey!: string;
}
