import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { AuditEntry, AuditPage, AuditVerdict } from '@wahl/contracts';
import type { Actor } from '../../platform/auth/roles';
import { ReportStateChanged } from '../quick-reports/quick-reports.events';
import { chainEvents, GENESIS_HASH, verifyChain, type AuditEvent, type ChainedAuditEntry } from './audit-chain';
import type { Queryable } from '../../platform/database/database';
import { AuditRepository, SEAL_BATCH, type EntryRow } from './audit.repository';

const SEAL_DELAY_MS = 100;

export type AuditEntryView = AuditEntry;

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

  constructor(private readonly repository: AuditRepository) {}

  /** Records events inside the caller's transaction. */
  async record(tx: Queryable, electionId: string, events: readonly AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.repository.addPending(tx, electionId, events);
  }

  /** Quick reports write their events in their own statement; sealing follows the commit. */
  @OnEvent(ReportStateChanged.event)
  onReportStateChanged({ context }: ReportStateChanged): void {
    this.scheduleSeal(context.electionId);
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

  async verify(electionId: string): Promise<AuditVerdict> {
    await this.sealNow(electionId);
    const { head, rows, pending } = await this.repository.chain(electionId);
    const verdict = verifyChain(
      electionId,
      rows.map((row) => toEntry(electionId, row)),
      head ? { seq: head.last_seq, hash: head.last_hash } : null,
    );
    return { ...verdict, pending };
  }

  async list(electionId: string, afterSeq: number, limit: number): Promise<AuditPage> {
    await this.sealNow(electionId);
    const [rows, pending] = await Promise.all([this.repository.entries(electionId, afterSeq, limit), this.repository.pending(electionId)]);
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

  // One batch in one transaction (AuditRepository.sealBatch): the chain's head and the oldest pending
  // events are read under the election's lock, chained here, and written back in one statement.
  private sealBatch(electionId: string): Promise<number> {
    return this.repository.sealBatch(electionId, (pending, head) =>
      chainEvents(electionId, head ?? { seq: 0, hash: GENESIS_HASH }, pending),
    );
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
