import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../../platform/auth/roles';
import { chainEvents, GENESIS_HASH, verifyChain, type AuditEvent, type ChainedAuditEntry, type ChainVerdict } from './audit-chain';

const SEAL_BATCH = 500;
const SEAL_DELAY_MS = 100;

type EntryRow = {
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

export type AuditEntryView = ChainedAuditEntry;

export const auditActor = (actor: Actor): AuditEvent['actor'] => ({ id: actor.userId, name: actor.username, role: actor.role });

/**
 * The election-night audit log. An action writes its events in its own transaction (so no action
 * goes unrecorded); the sealer then places them in the hash chain, one sealer per election at a time
 * (pg_advisory_xact_lock), in batches. Chaining inside every request would serialise all requests of
 * an election on one lock held across their commits (a disk flush each), capping an election at a
 * few hundred actions per second; sealing in batches keeps the chain linear at any rate.
 */
@Injectable()
export class AuditService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditService.name);
  private readonly sealing = new Map<string, Promise<void>>();
  private readonly sealAgain = new Set<string>();
  private stopped = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records events inside the caller's transaction. */
  async record(manager: EntityManager, electionId: string, events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    const values = events.map((_, i) => `($1, $${i + 2}::jsonb)`).join(', ');
    await manager.query(`INSERT INTO election_audit_pending (election_id, event) VALUES ${values}`, [
      electionId,
      ...events.map((event) => JSON.stringify(event)),
    ]);
  }

  /** After a commit: seal the election's pending events soon, without making the caller wait. */
  scheduleSeal(electionId: string): void {
    if (this.stopped) return;
    if (this.sealing.has(electionId)) {
      this.sealAgain.add(electionId);
      return;
    }
    const run = this.sealLoop(electionId)
      .catch((error: unknown) =>
        this.logger.error(`sealing the audit log of ${electionId} failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => this.sealing.delete(electionId));
    this.sealing.set(electionId, run);
  }

  /** Seals everything committed so far (waits for a running sealer first). */
  async sealNow(electionId: string): Promise<void> {
    await this.sealing.get(electionId);
    while ((await this.sealBatch(electionId)) > 0);
  }

  async verify(electionId: string): Promise<ChainVerdict & { pending: number }> {
    await this.sealNow(electionId);
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [head] = (await manager.query(`SELECT last_seq, last_hash FROM election_audit_heads WHERE election_id = $1`, [electionId])) as {
        last_seq: number;
        last_hash: string;
      }[];
      const rows = (await manager.query(`SELECT * FROM election_audit_entries WHERE election_id = $1 ORDER BY seq`, [
        electionId,
      ])) as EntryRow[];
      const [{ pending }] = (await manager.query(`SELECT count(*)::int AS pending FROM election_audit_pending WHERE election_id = $1`, [
        electionId,
      ])) as { pending: number }[];
      const verdict = verifyChain(
        electionId,
        rows.map((row) => toEntry(electionId, row)),
        head ? { seq: head.last_seq, hash: head.last_hash } : null,
      );
      return { ...verdict, pending };
    });
  }

  async list(electionId: string, afterSeq: number, limit: number): Promise<{ entries: AuditEntryView[]; pending: number }> {
    await this.sealNow(electionId);
    const rows = (await this.dataSource.query(
      `SELECT * FROM election_audit_entries WHERE election_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [electionId, afterSeq, limit],
    )) as EntryRow[];
    const [{ pending }] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending FROM election_audit_pending WHERE election_id = $1`,
      [electionId],
    )) as { pending: number }[];
    return { entries: rows.map((row) => toEntry(electionId, row)), pending };
  }

  // Lets running sealers finish before the database connection closes; what is left stays pending
  // and is sealed after the next start.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.sealing.values());
  }

  private async sealLoop(electionId: string): Promise<void> {
    // A moment's wait gathers the events of concurrent requests into one batch (one commit).
    await new Promise((resolve) => setTimeout(resolve, SEAL_DELAY_MS));
    do {
      this.sealAgain.delete(electionId);
      while (!this.stopped && (await this.sealBatch(electionId)) === SEAL_BATCH);
    } while (!this.stopped && this.sealAgain.has(electionId));
  }

  // One batch in one transaction: lock the election's chain, read its head with the oldest pending
  // events, then write the chained entries and the new head and remove the events, in one statement.
  private sealBatch(electionId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('election-audit'), hashtext($1))`, [electionId]);
      const pending = (await manager.query(
        `SELECT p.id, p.event, h.last_seq, h.last_hash
         FROM election_audit_pending p LEFT JOIN election_audit_heads h ON h.election_id = p.election_id
         WHERE p.election_id = $1 ORDER BY p.id LIMIT ${SEAL_BATCH}`,
        [electionId],
      )) as { id: string; event: AuditEvent; last_seq: number | null; last_hash: string | null }[];
      const first = pending[0];
      if (!first) return 0;
      const head = first.last_seq === null ? { seq: 0, hash: GENESIS_HASH } : { seq: first.last_seq, hash: first.last_hash! };
      const chained = chainEvents(
        electionId,
        head,
        pending.map((row) => row.event),
      );
      const last = chained[chained.length - 1]!;
      await manager.query(
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

function toEntry(electionId: string, row: EntryRow): ChainedAuditEntry {
  return {
    electionId,
    seq: row.seq,
    at: row.at.toISOString(),
    actor: { id: row.actor_id, name: row.actor_name, role: row.actor_role },
    action: row.action,
    districtId: row.district_id,
    version: row.version,
    oldValue: row.old_value ?? null,
    newValue: row.new_value ?? null,
    reason: row.reason,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
