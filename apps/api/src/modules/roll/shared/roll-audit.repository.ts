import { Injectable } from '@nestjs/common';
import type { RollAuditAction } from '../entities/roll-audit-entry.entity';
import { Database, type Queryable } from '../../../platform/database/database';

export type RollAuditRecord = {
  readonly electionId: string;
  readonly actorUserId: string | null;
  readonly actorUsername: string;
  readonly action: RollAuditAction;
  readonly voterId?: number | null;
  readonly proposalId?: string | null;
  readonly reason?: string | null;
  readonly details?: Record<string, unknown> | null;
};

export type RollAuditRow = {
  id: string;
  at: Date;
  actor_username: string;
  action: RollAuditAction;
  voter_id: number | null;
  proposal_id: string | null;
  reason: string | null;
  details: Record<string, unknown> | null;
};

/** The roll's audit table: who, when, what, why. Inserts only. */
@Injectable()
export class RollAuditRepository {
  constructor(private readonly db: Database) {}

  async record(db: Queryable, entries: readonly RollAuditRecord[]): Promise<void> {
    // 8 parameters a row; PostgreSQL takes at most 65,535 per statement.
    for (let start = 0; start < entries.length; start += 1000) await this.insert(db, entries.slice(start, start + 1000));
  }

  private async insert(db: Queryable, entries: readonly RollAuditRecord[]): Promise<void> {
    if (entries.length === 0) return;
    const values: unknown[] = [];
    const tuples = entries.map((entry, index) => {
      values.push(
        entry.electionId,
        entry.actorUserId,
        entry.actorUsername,
        entry.action,
        entry.voterId ?? null,
        entry.proposalId ?? null,
        entry.reason ?? null,
        entry.details ? JSON.stringify(entry.details) : null,
      );
      const base = index * 8;
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7}, $${base + 8})`;
    });
    await db.query(
      `INSERT INTO roll_audit_entries (election_id, actor_user_id, actor_username, action, voter_id, proposal_id, reason, details) VALUES ${tuples.join(', ')}`,
      values,
    );
  }

  /** What concerns one entry: rows naming it, and lookups that showed it (details.shownVoterIds). */
  async ofVoter(electionId: string, voterId: number, limit: number): Promise<RollAuditRow[]> {
    const { rows } = await this.db.query<RollAuditRow>(
      `SELECT id, at, actor_username, action, voter_id, proposal_id, reason, details FROM roll_audit_entries
       WHERE election_id = $1 AND (voter_id = $2 OR (action = 'voter-lookup' AND details -> 'shownVoterIds' @> to_jsonb($2::int)))
       ORDER BY at DESC, id LIMIT $3`,
      [electionId, voterId, limit],
    );
    return rows;
  }

  async list(electionId: string, options: { action?: RollAuditAction; limit: number }): Promise<RollAuditRow[]> {
    const { rows } = await this.db.query<RollAuditRow>(
      `SELECT id, at, actor_username, action, voter_id, proposal_id, reason, details FROM roll_audit_entries
       WHERE election_id = $1 AND ($2::text IS NULL OR action = $2) ORDER BY at DESC, id LIMIT $3`,
      [electionId, options.action ?? null, options.limit],
    );
    return rows;
  }
}
