import { Injectable } from '@nestjs/common';
import { Database } from '../../platform/database/database';

/** One-time password reset codes (hashed) and the ending of a user's sessions after a reset. */
@Injectable()
export class PasswordResetsRepository {
  constructor(private readonly db: Database) {}

  /** A new code voids the user's earlier unused ones. */
  async insert(reset: { userId: string; codeHash: string; createdBy: string; createdByName: string; expiresAt: Date }): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('UPDATE password_resets SET expires_at = least(expires_at, now()) WHERE user_id = $1 AND used_at IS NULL', [
        reset.userId,
      ]);
      await tx.query(
        'INSERT INTO password_resets (user_id, code_hash, created_by, created_by_name, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [reset.userId, reset.codeHash, reset.createdBy, reset.createdByName, reset.expiresAt],
      );
    });
  }

  /** Uses the code once: sets the new password hash and ends the user's sessions; false if no live code matched. */
  async redeem(userId: string, codeHash: string, passwordHash: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const used = await tx.query(
        'UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL AND expires_at > now() RETURNING id',
        [userId, codeHash],
      );
      if ((used.rowCount ?? 0) === 0) return false;
      await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
      await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
      return true;
    });
  }
}
