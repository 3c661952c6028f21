import { Injectable } from '@nestjs/common';
import { Database, type Queryable } from '../../../platform/database/database';

export type RollClosingRow = {
  election_id: string;
  closed_at: Date;
  closed_by_username: string;
  signer_name: string;
  signer_function: string;
  place: string | null;
};

export type RollClosingDistrictRow = {
  district_id: string;
  a1: number;
  a2: number;
  a3: number;
};

export type NewRollClosing = {
  readonly electionId: string;
  readonly closedAt: Date;
  readonly closedByUsername: string;
  readonly signerName: string;
  readonly signerFunction: string;
  readonly place: string | null;
  readonly document: Buffer;
  readonly districts: readonly RollClosingDistrictRow[];
};

/** The stored closing certificate of a roll (R1.21): written once at closing, read by the boards' modules. */
@Injectable()
export class RollClosingRepository {
  constructor(private readonly db: Database) {}

  async insert(db: Queryable, closing: NewRollClosing): Promise<void> {
    await db.query(
      `INSERT INTO roll_closings (election_id, closed_at, closed_by_username, signer_name, signer_function, place, document)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        closing.electionId,
        closing.closedAt,
        closing.closedByUsername,
        closing.signerName,
        closing.signerFunction,
        closing.place,
        closing.document,
      ],
    );
    const d = closing.districts;
    await db.query(
      `INSERT INTO roll_closing_districts (election_id, district_id, a1, a2, a3)
       SELECT $1, c.district_id, c.a1, c.a2, c.a3 FROM unnest($2::uuid[], $3::int[], $4::int[], $5::int[]) AS c(district_id, a1, a2, a3)`,
      [closing.electionId, d.map((c) => c.district_id), d.map((c) => c.a1), d.map((c) => c.a2), d.map((c) => c.a3)],
    );
  }

  /** The closing of an election, or null while the roll is open. */
  async find(electionId: string): Promise<RollClosingRow | null> {
    const { rows } = await this.db.query<RollClosingRow>(
      `SELECT election_id, closed_at, closed_by_username, signer_name, signer_function, place FROM roll_closings WHERE election_id = $1`,
      [electionId],
    );
    return rows[0] ?? null;
  }

  /** The fixed counts of every district at closing (empty while the roll is open). */
  async districts(electionId: string): Promise<RollClosingDistrictRow[]> {
    const { rows } = await this.db.query<RollClosingDistrictRow>(
      'SELECT district_id, a1, a2, a3 FROM roll_closing_districts WHERE election_id = $1',
      [electionId],
    );
    return rows;
  }

  /**
   * A1, A2 and A3 of one polling district as fixed at closing, or null while the roll is open (or
   * the district unknown). The board's quick report starts from these (P2: A1 + A2 = closing count).
   */
  async findByDistrict(electionId: string, districtId: string): Promise<RollClosingDistrictRow | null> {
    const { rows } = await this.db.query<RollClosingDistrictRow>(
      'SELECT district_id, a1, a2, a3 FROM roll_closing_districts WHERE election_id = $1 AND district_id = $2',
      [electionId, districtId],
    );
    return rows[0] ?? null;
  }

  /** The printed certificate as stored at closing. */
  async document(electionId: string): Promise<Buffer | null> {
    const { rows } = await this.db.query<{ document: Buffer }>('SELECT document FROM roll_closings WHERE election_id = $1', [electionId]);
    return rows[0]?.document ?? null;
  }
}
