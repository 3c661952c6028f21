import { Injectable } from '@nestjs/common';
import { Database, type Queryable, type Tx } from '../../platform/database/database';

/** A board's access code as stored (only the hash of the code itself). */
export type StoredAccessCode = {
  readonly id: string;
  readonly electionId: string;
  readonly officeId: string;
  readonly codeHash: string;
  readonly districtIds: string[];
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly revokedAt: Date | null;
  readonly revokedBy: string | null;
  readonly signIns: number;
  readonly lastSignInAt: Date | null;
};

/** A board member of one access code (issue #17): name and PIN hash. */
export type StoredBoardMember = { readonly id: string; readonly name: string; readonly pinHash: string };

export type NewAccessCode = Pick<StoredAccessCode, 'electionId' | 'officeId' | 'codeHash' | 'districtIds' | 'createdBy' | 'createdAt'>;

const COLUMNS = `id, election_id AS "electionId", office_id AS "officeId", code_hash AS "codeHash", district_ids AS "districtIds",
  created_at AS "createdAt", created_by AS "createdBy", revoked_at AS "revokedAt", revoked_by AS "revokedBy",
  sign_ins AS "signIns", last_sign_in_at AS "lastSignInAt"`;

/** All SQL of board access. Its transactions are the one Database's; identity's session calls join them with the same `Tx`. */
@Injectable()
export class BoardAccessRepository {
  constructor(private readonly database: Database) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.database.transaction(work);
  }

  /** Revokes the open codes of the election that open any of the districts; their ids. */
  async revokeCovering(tx: Queryable, electionId: string, districtIds: readonly string[], at: Date, by: string): Promise<string[]> {
    const { rows } = await tx.query<{ id: string }>(
      `UPDATE board_access_codes SET revoked_at = $3, revoked_by = $4
       WHERE election_id = $1 AND revoked_at IS NULL AND district_ids && $2::uuid[] RETURNING id`,
      [electionId, districtIds, at, by],
    );
    return rows.map((row) => row.id);
  }

  /** Stores the codes in one statement (rows in the order given); their ids. */
  async insertCodes(tx: Queryable, codes: readonly NewAccessCode[]): Promise<string[]> {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO board_access_codes (election_id, office_id, code_hash, district_ids, created_by, created_at)
       SELECT c.election_id, c.office_id, c.code_hash, ARRAY(SELECT jsonb_array_elements_text(c.district_ids))::uuid[], c.created_by, c.created_at
       FROM jsonb_to_recordset($1::jsonb)
         AS c(election_id uuid, office_id uuid, code_hash text, district_ids jsonb, created_by uuid, created_at timestamptz)
       RETURNING id`,
      [
        JSON.stringify(
          codes.map((code) => ({
            election_id: code.electionId,
            office_id: code.officeId,
            code_hash: code.codeHash,
            district_ids: code.districtIds,
            created_by: code.createdBy,
            created_at: code.createdAt.toISOString(),
          })),
        ),
      ],
    );
    return rows.map((row) => row.id);
  }

  async list(electionId: string): Promise<StoredAccessCode[]> {
    const { rows } = await this.database.query<StoredAccessCode>(
      `SELECT ${COLUMNS} FROM board_access_codes WHERE election_id = $1 ORDER BY created_at`,
      [electionId],
    );
    return rows;
  }

  /** The code, locked until the transaction ends. */
  async lockCode(tx: Queryable, electionId: string, codeId: string): Promise<StoredAccessCode | null> {
    const { rows } = await tx.query<StoredAccessCode>(
      `SELECT ${COLUMNS} FROM board_access_codes WHERE id = $1 AND election_id = $2 FOR UPDATE`,
      [codeId, electionId],
    );
    return rows[0] ?? null;
  }

  async revoke(tx: Queryable, codeId: string, at: Date, by: string): Promise<void> {
    await tx.query('UPDATE board_access_codes SET revoked_at = $2, revoked_by = $3 WHERE id = $1', [codeId, at, by]);
  }

  /** An open (not revoked) code by its hash. */
  async openCodeByHash(codeHash: string): Promise<StoredAccessCode | null> {
    const { rows } = await this.database.query<StoredAccessCode>(
      `SELECT ${COLUMNS} FROM board_access_codes WHERE code_hash = $1 AND revoked_at IS NULL LIMIT 1`,
      [codeHash],
    );
    return rows[0] ?? null;
  }

  async countSignIn(tx: Queryable, codeId: string, at: Date): Promise<void> {
    await tx.query('UPDATE board_access_codes SET sign_ins = sign_ins + 1, last_sign_in_at = $2 WHERE id = $1', [codeId, at]);
  }

  async member(codeId: string, nameKey: string, db: Queryable = this.database): Promise<StoredBoardMember | null> {
    const { rows } = await db.query<StoredBoardMember>(
      'SELECT id, name, pin_hash AS "pinHash" FROM board_members WHERE code_id = $1 AND name_key = $2',
      [codeId, nameKey],
    );
    return rows[0] ?? null;
  }

  /** Adds the member unless a concurrent first sign-in with the same name was first; the stored member either way. */
  async addMember(
    tx: Queryable,
    member: { codeId: string; electionId: string; nameKey: string; name: string; pinHash: string },
  ): Promise<StoredBoardMember & { readonly created: boolean }> {
    const { rows } = await tx.query<StoredBoardMember>(
      `INSERT INTO board_members (code_id, election_id, name_key, name, pin_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code_id, name_key) DO NOTHING RETURNING id, name, pin_hash AS "pinHash"`,
      [member.codeId, member.electionId, member.nameKey, member.name, member.pinHash],
    );
    if (rows[0]) return { ...rows[0], created: true };
    const existing = await this.member(member.codeId, member.nameKey, tx);
    return { ...existing!, created: false };
  }
}
