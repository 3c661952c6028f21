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

/** All SQL of sessions and failed sign-ins. Writes that belong to a caller's transaction take its `Tx`. */
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
    );
    return rows[0] ?? null;
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async deleteBoardSessions(codeId: string, db: Queryable = this.db): Promise<void> {
    await db.query(`DELETE FROM sessions WHERE board_scope->>'codeId' = $1`, [codeId]);
  }

  async recordFailure(username: string, address: string): Promise<void> {
    await this.db.query('INSERT INTO login_failures (username, address) VALUES ($1, $2)', [username, address]);
  }

  /** Failed sign-ins since `since`, by account (null: not counted) and by client address. */
  async failuresSince(
    since: Date,
    by: { readonly username: string | null; readonly address: string },
  ): Promise<{ byAccount: number; byAddress: number }> {
    const { rows } = await this.db.query<{ by_account: number; by_address: number }>(
      `SELECT
         (SELECT count(*)::int FROM login_failures WHERE $1::text IS NOT NULL AND username = $1 AND at > $3) AS by_account,
         (SELECT count(*)::int FROM login_failures WHERE address = $2 AND at > $3) AS by_address`,
      [by.username, by.address, since],
    );
    return { byAccount: rows[0]?.by_account ?? 0, byAddress: rows[0]?.by_address ?? 0 };
  }
}
