import { Injectable } from '@nestjs/common';
import type { OfficeUserRole, Role } from '@wahl/contracts';
import { Database, type Queryable } from '../../platform/database/database';

/** A user account as stored; the password hash never leaves the identity module. */
export type UserRecord = {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly function: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly officeId: string | null;
  readonly active: boolean;
};

/** What an office administrator may change on an account. */
export type AccountFields = Pick<UserRecord, 'displayName' | 'function' | 'role' | 'active'>;

const COLUMNS = `id, username, display_name AS "displayName", function, password_hash AS "passwordHash", role, office_id AS "officeId", active`;

/** All SQL of user accounts. */
@Injectable()
export class UsersRepository {
  constructor(private readonly db: Database) {}

  async byUsername(username: string): Promise<UserRecord | null> {
    const { rows } = await this.db.query<UserRecord>(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
    return rows[0] ?? null;
  }

  async byId(id: string): Promise<UserRecord | null> {
    const { rows } = await this.db.query<UserRecord>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async recordUnlock(userId: string, by: { readonly id: string; readonly name: string }): Promise<void> {
    await this.db.query('INSERT INTO account_unlocks (user_id, unlocked_by, unlocked_by_name) VALUES ($1, $2, $3)', [
      userId,
      by.id,
      by.name,
    ]);
  }

  async usernameTaken(username: string): Promise<boolean> {
    const { rows } = await this.db.query('SELECT 1 FROM users WHERE username = $1', [username]);
    return rows.length > 0;
  }

  async listByOffice(officeId: string): Promise<UserRecord[]> {
    const { rows } = await this.db.query<UserRecord>(`SELECT ${COLUMNS} FROM users WHERE office_id = $1 ORDER BY username`, [officeId]);
    return rows;
  }

  async insert(
    user: {
      readonly username: string;
      readonly displayName: string;
      readonly function?: string;
      readonly passwordHash: string;
      readonly role: OfficeUserRole | 'provider-admin';
      readonly officeId: string | null;
    },
    db: Queryable = this.db,
  ): Promise<UserRecord> {
    const { rows } = await db.query<UserRecord>(
      `INSERT INTO users (username, display_name, function, password_hash, role, office_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [user.username, user.displayName, user.function ?? '', user.passwordHash, user.role, user.officeId],
    );
    return rows[0]!;
  }

  /** The editable fields of an account (role, names, active), for the office's administrators. */
  async update(id: string, fields: AccountFields, db: Queryable = this.db): Promise<UserRecord> {
    const { rows } = await db.query<UserRecord>(
      `UPDATE users SET display_name = $2, function = $3, role = $4, active = $5 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, fields.displayName, fields.function, fields.role, fields.active],
    );
    return rows[0]!;
  }

  /** Locks the office's active admins' rows so two concurrent edits cannot both remove the last one. */
  async lockActiveAdmins(officeId: string, db: Queryable): Promise<string[]> {
    const { rows } = await db.query<{ id: string }>(
      `SELECT id FROM users WHERE office_id = $1 AND role = 'office-admin' AND active ORDER BY id FOR UPDATE`,
      [officeId],
    );
    return rows.map((row) => row.id);
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
  }
}
