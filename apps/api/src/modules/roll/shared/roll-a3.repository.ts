import { Injectable } from '@nestjs/common';
import { Database, type Queryable } from '../../../platform/database/database';

export type A3EntryRow = {
  id: string;
  district_id: string;
  family_name: string;
  given_names: string;
  birth_date: string;
  street: string;
  house_number: string;
  postal_code: string;
  city: string;
  reason: string;
  reason_note: string;
  certificate_number: string | null;
  issued_at: Date | null;
  issued_by_username: string | null;
  created_at: Date;
  created_by_username: string;
};

export type NewA3Entry = {
  readonly electionId: string;
  readonly districtId: string;
  readonly familyName: string;
  readonly givenNames: string;
  readonly birthDate: string;
  readonly street: string;
  readonly houseNumber: string;
  readonly postalCode: string;
  readonly city: string;
  readonly reason: string;
  readonly reasonNote: string;
  readonly createdBy: string;
};

const COLUMNS = `id, district_id, family_name, given_names, birth_date::text AS birth_date, street, house_number, postal_code, city,
  reason, reason_note, certificate_number, issued_at, issued_by_username, created_at, created_by_username`;

/** Persons not in the roll with a Wahlschein under BWO § 25(2) (A3), kept beside the roll. */
@Injectable()
export class RollA3Repository {
  constructor(private readonly db: Database) {}

  /** A3 per polling district: issued Wahlscheine only (an open application counts nowhere). */
  async countsByDistrict(db: Queryable, electionId: string): Promise<Map<string, number>> {
    const { rows } = await db.query<{ district_id: string; a3: number }>(
      `SELECT district_id, count(*)::int AS a3 FROM roll_a3_entries
       WHERE election_id = $1 AND certificate_number IS NOT NULL GROUP BY district_id`,
      [electionId],
    );
    return new Map(rows.map((r) => [r.district_id, r.a3]));
  }

  async insert(db: Queryable, entry: NewA3Entry): Promise<A3EntryRow> {
    const { rows } = await db.query<A3EntryRow>(
      `INSERT INTO roll_a3_entries (election_id, district_id, family_name, given_names, birth_date, street, house_number, postal_code, city,
         reason, reason_note, created_by_username)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLUMNS}`,
      [
        entry.electionId,
        entry.districtId,
        entry.familyName,
        entry.givenNames,
        entry.birthDate,
        entry.street,
        entry.houseNumber,
        entry.postalCode,
        entry.city,
        entry.reason,
        entry.reasonNote,
        entry.createdBy,
      ],
    );
    return rows[0]!;
  }

  /** Newest first. */
  /** Issued A3 certificates per calendar day of the office (Europe/Berlin). */
  async issuedPerDay(electionId: string): Promise<Map<string, number>> {
    const { rows } = await this.db.query<{ day: string; issued: number }>(
      `SELECT (issued_at AT TIME ZONE 'Europe/Berlin')::date::text AS day, count(*)::int AS issued
       FROM roll_a3_entries WHERE election_id = $1 AND issued_at IS NOT NULL GROUP BY 1`,
      [electionId],
    );
    return new Map(rows.map((row) => [row.day, row.issued]));
  }

  async list(electionId: string): Promise<A3EntryRow[]> {
    const { rows } = await this.db.query<A3EntryRow>(
      `SELECT ${COLUMNS} FROM roll_a3_entries WHERE election_id = $1 ORDER BY created_at DESC, id`,
      [electionId],
    );
    return rows;
  }

  async find(db: Queryable, electionId: string, id: string, forUpdate = false): Promise<A3EntryRow | null> {
    const { rows } = await db.query<A3EntryRow>(
      `SELECT ${COLUMNS} FROM roll_a3_entries WHERE election_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
      [electionId, id],
    );
    return rows[0] ?? null;
  }

  /** The next running number of the election's A3 series; the caller holds the roll row's lock. */
  async nextSequence(db: Queryable, electionId: string): Promise<number> {
    const { rows } = await db.query<{ next: number }>(
      'SELECT count(*)::int + 1 AS next FROM roll_a3_entries WHERE election_id = $1 AND certificate_number IS NOT NULL',
      [electionId],
    );
    return rows[0]!.next;
  }

  async markIssued(db: Queryable, id: string, certificateNumber: string, username: string): Promise<A3EntryRow> {
    const { rows } = await db.query<A3EntryRow>(
      `UPDATE roll_a3_entries SET certificate_number = $2, issued_at = now(), issued_by_username = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, certificateNumber, username],
    );
    return rows[0]!;
  }
}
