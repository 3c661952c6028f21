import { Injectable } from '@nestjs/common';
import { advisoryXactLock, Database, type Queryable } from '../../platform/database/database';
import type { AuditEvent, ChainedAuditEntry } from './audit-chain';

export const SEAL_BATCH = 500;

export type EntryRow = {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  actor_role: string;
  action: string;
  district_id: string | null;
  version: number | null;
  old_value: unknown;
  new_value: unknown;
  reason: string | null;
  prev_hash: string;
  hash: string;
};

type Head = { readonly seq: number; readonly hash: string };

/** All SQL of the audit log: pending events, the sealed chain and its head. */
@Injectable()
export class AuditRepository {
  constructor(private readonly database: Database) {}

  /** Inside the caller's transaction. */
  async addPending(tx: Queryable, electionId: string, events: readonly AuditEvent[]): Promise<void> {
    await tx.query(`INSERT INTO election_audit_pending (election_id, event) SELECT $1, value FROM jsonb_array_elements($2::jsonb)`, [
      electionId,
      JSON.stringify(events),
    ]);
  }

  /** Head, entries and pending count from one snapshot. */
  chain(electionId: string) {
    return this.database.transaction(
      async (tx) => {
        const head = await tx.query<{ last_seq: number; last_hash: string }>(
          `SELECT last_seq, last_hash FROM election_audit_heads WHERE election_id = $1`,
          [electionId],
        );
        const rows = await tx.query<EntryRow>(`SELECT * FROM election_audit_entries WHERE election_id = $1 ORDER BY seq`, [electionId]);
        const pending = await tx.query<{ pending: number }>(
          `SELECT count(*)::int AS pending FROM election_audit_pending WHERE election_id = $1`,
          [electionId],
        );
        return { head: head.rows[0] ?? null, rows: rows.rows, pending: pending.rows[0]?.pending ?? 0 };
      },
      { isolation: 'REPEATABLE READ' },
    );
  }

  async entries(electionId: string, afterSeq: number, limit: number): Promise<EntryRow[]> {
    const { rows } = await this.database.query<EntryRow>(
      `SELECT * FROM election_audit_entries WHERE election_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [electionId, afterSeq, limit],
    );
    return rows;
  }

  async pending(electionId: string): Promise<number> {
    const { rows } = await this.database.query<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM election_audit_pending WHERE election_id = $1`,
      [electionId],
    );
    return rows[0]?.pending ?? 0;
  }

  /**
   * One batch in one transaction: lock the election's chain, read its head with the oldest pending
   * events, chain them (`chain`), then write the entries and the new head and remove the events in
   * one statement. Returns the number of events sealed.
   */
  sealBatch(electionId: string, chain: (pending: AuditEvent[], head: Head | null) => ChainedAuditEntry[]): Promise<number> {
    return this.database.transaction(async (tx) => {
      await advisoryXactLock(tx, 'election-audit', electionId);
      const { rows: pending } = await tx.query<{ id: string; event: AuditEvent; last_seq: number | null; last_hash: string | null }>(
        `SELECT p.id, p.event, h.last_seq, h.last_hash
         FROM election_audit_pending p LEFT JOIN election_audit_heads h ON h.election_id = p.election_id
         WHERE p.election_id = $1 ORDER BY p.id LIMIT $2`,
        [electionId, SEAL_BATCH],
      );
      const first = pending[0];
      if (!first) return 0;
      const head = first.last_seq === null ? null : { seq: first.last_seq, hash: first.last_hash! };
      const chained = chain(
        pending.map((row) => row.event),
        head,
      );
      const last = chained[chained.length - 1]!;
      await tx.query(
        `WITH entries AS (
           INSERT INTO election_audit_entries (election_id, seq, at, actor_id, actor_name, actor_role, action, district_id, version, old_value, new_value, reason, prev_hash, hash)
           SELECT $1, e.seq, e.at, e.actor_id, e.actor_name, e.actor_role, e.action, e.district_id, e.version, e.old_value, e.new_value, e.reason, e.prev_hash, e.hash
           FROM jsonb_to_recordset($2::jsonb) AS e(seq int, at timestamptz, actor_id uuid, actor_name text, actor_role text, action text, district_id uuid,
                                                   version int, old_value jsonb, new_value jsonb, reason text, prev_hash text, hash text)
         ), head AS (
           INSERT INTO election_audit_heads (election_id, last_seq, last_hash) VALUES ($1, $3, $4)
           ON CONFLICT (election_id) DO UPDATE SET last_seq = EXCLUDED.last_seq, last_hash = EXCLUDED.last_hash
         )
         DELETE FROM election_audit_pending WHERE id = ANY($5::bigint[])`,
        [
          electionId,
          JSON.stringify(
            chained.map((entry) => ({
              seq: entry.seq,
              at: entry.at,
              actor_id: entry.actor.id,
              actor_name: entry.actor.name,
              actor_role: entry.actor.role,
              action: entry.action,
              district_id: entry.districtId,
              version: entry.version,
              old_value: entry.oldValue ?? null,
              new_value: entry.newValue ?? null,
              reason: entry.reason,
              prev_hash: entry.prevHash,
              hash: entry.hash,
            })),
          ),
          last.seq,
          last.hash,
          pending.map((row) => row.id),
        ],
      );
      return pending.length;
    });
  }
}
