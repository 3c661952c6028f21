import { Injectable } from '@nestjs/common';
import type { Role } from '@wahl/contracts';
import { Database, type Queryable } from '../../platform/database/database';
import type { BoardSessionScope } from './entities/session.entity';

/** A live session with its user (null columns for board sessions, which have no account). */
export type SessionRecord = {
  readonly user_id: string;
  readonly board_scope: BoardSessionScope | null;
  readonly username: string | null;
  readonly role: Role | null;
  readonly office_id: string | null;
  readonly active: boolean | null;
};

/** One sign-in with a password as the office admin sees it (never the password tried). */
export type StoredSignIn = { readonly at: Date; readonly succeeded: boolean; readonly knownDevice: boolean; readonly address: string };

/** All SQL of sessions, known devices and sign-ins (successful and failed). Writes that belong to a caller's transaction take its `Tx`. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly db: Database) {}

  async insert(
    session: { readonly tokenHash: string; readonly userId: string; readonly expiresAt: Date; readonly boardScope?: BoardSessionScope },
    db: Queryable = this.db,
  ): Promise<void> {
    await db.query('INSERT INTO sessions (token_hash, user_id, expires_at, board_scope) VALUES ($1, $2, $3, $4)', [
      session.tokenHash,
      session.userId,
      session.expiresAt,
      session.boardScope ? JSON.stringify(session.boardScope) : null,
    ]);
  }

  // Runs on every request: one indexed query for session and user together.
  async live(tokenHash: string): Promise<SessionRecord | null> {
    const { rows } = await this.db.query<SessionRecord>(
      `SELECT s.user_id, s.board_scope, u.username, u.role, u.office_id, u.active
       FROM sessions s LEFT JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [tokenHash],
      'sessions-live',
    );
    return rows[0] ?? null;
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async deleteBoardSessions(codeId: string, db: Queryable = this.db): Promise<void> {
    await db.query(`DELETE FROM sessions WHERE board_scope->>'codeId' = $1`, [codeId]);
  }

  /** Ends every session of a deactivated account at once; the ended sessions' token hashes, so their sockets can close. */
  async deleteForUser(userId: string, db: Queryable = this.db): Promise<string[]> {
    const { rows } = await db.query<{ token_hash: string }>('DELETE FROM sessions WHERE user_id = $1 RETURNING token_hash', [userId]);
    return rows.map((row) => row.token_hash);
  }

  async recordFailure(username: string, address: string, knownDevice = false): Promise<void> {
    await this.db.query('INSERT INTO login_failures (username, address, known_device) VALUES ($1, $2, $3)', [
      username,
      address,
      knownDevice,
    ]);
  }

  async recordSignIn(userId: string, address: string, knownDevice: boolean): Promise<void> {
    await this.db.query('INSERT INTO sign_ins (user_id, address, known_device) VALUES ($1, $2, $3)', [userId, address, knownDevice]);
  }

  /** The account's last `limit` sign-ins with a password, successful or not, newest first. */
  async signInHistory(user: { readonly id: string; readonly username: string }, limit: number): Promise<StoredSignIn[]> {
    const { rows } = await this.db.query<StoredSignIn>(
      `SELECT at, succeeded, known_device AS "knownDevice", address FROM (
         SELECT at, true AS succeeded, known_device, address FROM sign_ins WHERE user_id = $1
         UNION ALL
         SELECT at, false AS succeeded, known_device, address FROM login_failures WHERE username = $2
       ) attempts ORDER BY at DESC LIMIT $3`,
      [user.id, user.username, limit],
    );
    return rows;
  }

  /** Per account: its failed sign-ins since `since` and the addresses they came from (at most 50 addresses per account). */
  async recentFailures(usernames: readonly string[], since: Date): Promise<Map<string, { failures: number; addresses: string[] }>> {
    const { rows } = await this.db.query<{ username: string; failures: number; addresses: string[] }>(
      `SELECT username, count(*)::int AS failures, (array_agg(DISTINCT address))[1:50] AS addresses
       FROM login_failures WHERE username = ANY($1::text[]) AND at > $2 GROUP BY username`,
      [usernames, since],
    );
    return new Map(rows.map((row) => [row.username, { failures: row.failures, addresses: row.addresses }]));
  }

  /** Whether the device (its cookie's hash) has signed in to the account before. */
  async isKnownDevice(tokenHash: string, username: string): Promise<boolean> {
    const { rows } = await this.db.query(
      'SELECT 1 FROM known_devices d JOIN users u ON u.id = d.user_id WHERE d.token_hash = $1 AND u.username = $2',
      [tokenHash, username],
    );
    return rows.length > 0;
  }

  async rememberDevice(tokenHash: string, userId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO known_devices (token_hash, user_id) VALUES ($1, $2)
       ON CONFLICT (token_hash, user_id) DO UPDATE SET last_used_at = now()`,
      [tokenHash, userId],
    );
  }
}
