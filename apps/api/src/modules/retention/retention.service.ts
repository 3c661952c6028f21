import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { LegalHold, LegalHoldReason, RetentionPlan, RetentionRunResult, SetLegalHoldRequest } from '@wahl/contracts';
import {
  germanCalendarDay,
  isRetentionDue,
  nthDayBefore,
  RETENTION_CATEGORIES,
  RETENTION_CATEGORY_LABELS,
  retentionDueDay,
  UNTIED_ATTEMPT_RECORD_DAYS,
  type RetentionCategory,
} from '@wahl/domain';
import type { Actor } from '../../platform/auth/roles';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import type { Queryable } from '../../platform/database/database';
import { AppError } from '../../platform/errors/app-error';
import type { AuditEvent } from '../audit/audit-chain';
import { auditActor, AuditService } from '../audit/audit.service';
import { ElectionReadModel } from '../elections/read-model/election-read-model.service';
import { letterFolder } from '../poll-workers/letters/letter-folder';
import { piecesFileName } from '../polling-cards/rendering/print-manifest';
import { RetentionRepository, type RetentionElection, type StoredHold } from './retention.repository';

/** Who runs: a person (office screen, CLI) or the daily schedule. */
type Runner = { readonly audit: AuditEvent['actor']; readonly username: string; readonly scheduled: boolean };

const SCHEDULE: Runner = { audit: { id: null, name: 'Zeitplan', role: 'system' }, username: 'Zeitplan', scheduled: true };

const toHold = (hold: StoredHold): LegalHold => ({
  reason: hold.reason as LegalHoldReason,
  note: hold.note,
  setBy: hold.setByUsername,
  setAt: hold.setAt.toISOString(),
});

/**
 * R8.4 (BWO § 90): deletes an election's personal data when its period has passed, one category per
 * transaction, unless a legal hold stops it. Every run that deletes, every run a person starts and
 * every hold is recorded with counts only in the election's audit chain (and retention_runs).
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly repository: RetentionRepository,
    private readonly elections: ElectionReadModel,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The plan per category with the rows a run would delete now: the dry run. */
  async plan(actor: Actor, electionId: string, now = new Date()): Promise<RetentionPlan> {
    const election = await this.election(actor, electionId);
    const today = germanCalendarDay(now);
    const [hold, counts, lastRuns] = await Promise.all([
      this.repository.hold(electionId),
      this.repository.counts(electionId),
      this.repository.lastRuns(electionId),
    ]);
    return {
      electionId,
      electionDay: election.electionDay,
      today,
      hold: hold && toHold(hold),
      categories: RETENTION_CATEGORIES.map((category) => {
        const dueDay = retentionDueDay(election.kind, election.electionDay, category);
        const due = isRetentionDue(dueDay, today);
        const last = lastRuns.find((run) => run.category === category);
        return {
          category,
          label: RETENTION_CATEGORY_LABELS[category],
          dueDay,
          due,
          rows: counts[category],
          wouldDelete: due && !hold ? counts[category] : 0,
          lastRun: last ? { at: last.ranAt.toISOString(), by: last.byUsername, deleted: last.deleted } : null,
        };
      }),
    };
  }

  /** Deletes what is due now (office admin, CLI); refused while a hold stands. Idempotent: a second run deletes 0. */
  async run(actor: Actor, electionId: string, now = new Date()): Promise<RetentionRunResult> {
    const election = await this.election(actor, electionId);
    if (await this.repository.hold(electionId)) throw new AppError('RETENTION_HELD');
    const runner: Runner = { audit: auditActor(actor), username: actor.username, scheduled: false };
    return this.runDue(election, runner, now);
  }

  /**
   * The daily job: due deletions of every election (held ones are skipped), then sign-in failures
   * older than the set period. An election another process is deleting is skipped, not waited for;
   * one that fails is logged (id and message, no data) and retried by the next day's run.
   */
  async runScheduled(now = new Date()): Promise<{ readonly elections: number; readonly deleted: number }> {
    let deleted = 0;
    const elections = await this.repository.elections();
    for (const election of elections) {
      try {
        const result = await this.runDue(election, SCHEDULE, now);
        deleted += result.deleted.reduce((sum, entry) => sum + entry.rows, 0);
      } catch (error) {
        // Held or being deleted by another process: skipped. Anything else must not stop the other elections.
        if (error instanceof AppError && (error.code === 'RETENTION_BUSY' || error.code === 'RETENTION_HELD')) continue;
        this.logger.error(`retention of election ${election.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const before = new Date(`${nthDayBefore(germanCalendarDay(now), UNTIED_ATTEMPT_RECORD_DAYS)}T00:00:00Z`);
    deleted += await this.repository.deleteUntiedAttempts(before);
    this.logger.log(`retention: ${elections.length} elections checked, ${deleted} rows deleted`);
    return { elections: elections.length, deleted };
  }

  async setHold(actor: Actor, electionId: string, body: SetLegalHoldRequest, now = new Date()): Promise<RetentionPlan> {
    await this.election(actor, electionId);
    await this.repository.transaction(async (tx) => {
      await this.repository.lockElection(tx, electionId);
      const hold = { reason: body.reason, note: body.note, setAt: now, setByUsername: actor.username };
      if (!(await this.repository.insertHold(tx, electionId, hold))) throw new AppError('RETENTION_HOLD_EXISTS');
      await this.audit.record(tx, electionId, [
        retentionEvent(now, auditActor(actor), 'retention.hold-set', { reason: body.reason }, body.note),
      ]);
    });
    this.audit.scheduleSeal(electionId);
    return this.plan(actor, electionId, now);
  }

  async liftHold(actor: Actor, electionId: string, now = new Date()): Promise<RetentionPlan> {
    await this.election(actor, electionId);
    await this.repository.transaction(async (tx) => {
      await this.repository.lockElection(tx, electionId);
      const lifted = await this.repository.deleteHold(tx, electionId);
      if (!lifted) throw new AppError('RETENTION_NO_HOLD');
      await this.audit.record(tx, electionId, [
        retentionEvent(now, auditActor(actor), 'retention.hold-lifted', { reason: lifted.reason, setBy: lifted.setByUsername }, null),
      ]);
    });
    this.audit.scheduleSeal(electionId);
    return this.plan(actor, electionId, now);
  }

  /**
   * The files a category's rows stand for, read before the rows go: the printed lots (PDF and piece
   * list; the manifests stay) and the poll workers' appointment letters (they hold sign-in codes).
   */
  private async filesOf(tx: Queryable, electionId: string, category: RetentionCategory): Promise<string[]> {
    if (category === 'card-pieces') {
      const lots = await this.repository.lotFiles(tx, electionId);
      return lots.flatMap(({ outDir, fileName }) => [join(outDir, fileName), join(outDir, piecesFileName(fileName))]);
    }
    if (category === 'poll-workers') {
      const folder = letterFolder(this.config.dataDir);
      return (await this.repository.letterFiles(tx, electionId)).map((fileName) => join(folder, fileName));
    }
    return [];
  }

  private async election(actor: Actor, electionId: string): Promise<RetentionElection> {
    const context = await this.elections.forActor(actor, electionId);
    return { id: context.electionId, kind: context.kind, electionDay: context.electionDay };
  }

  // Each due category in its own transaction: under the election's lock the hold is read again (a
  // hold set a moment ago wins), the rows are deleted and the count is recorded in the same commit.
  private async runDue(election: RetentionElection, runner: Runner, now: Date): Promise<RetentionRunResult> {
    const today = germanCalendarDay(now);
    const deleted: { category: RetentionCategory; rows: number }[] = [];
    for (const category of RETENTION_CATEGORIES) {
      const dueDay = retentionDueDay(election.kind, election.electionDay, category);
      if (!isRetentionDue(dueDay, today)) continue;
      const rows = await this.repository.transaction(async (tx) => {
        if (!(await this.repository.tryLockElection(tx, election.id))) throw new AppError('RETENTION_BUSY');
        if (await this.repository.hold(election.id, tx)) throw new AppError('RETENTION_HELD');
        const paths = await this.filesOf(tx, election.id, category);
        const count = await this.repository.deleteCategory(tx, election.id, category);
        // Files cannot roll back: they go under the lock after the hold check; a failed commit leaves
        // rows that the next run deletes, both being due.
        const files = await removeFiles(paths);
        if (count + files > 0 || !runner.scheduled) {
          await this.repository.insertRun(tx, election.id, { category, ranAt: now, deleted: count, byUsername: runner.username });
          await this.audit.record(tx, election.id, [
            retentionEvent(now, runner.audit, 'retention.deleted', { category, dueDay, rows: count, files }, null),
          ]);
        }
        return count;
      });
      deleted.push({ category, rows });
    }
    if (deleted.some((entry) => entry.rows > 0) || !runner.scheduled) this.audit.scheduleSeal(election.id);
    return { electionId: election.id, ranAt: now.toISOString(), deleted };
  }
}

/** Removes the files that exist; the number removed. */
async function removeFiles(paths: readonly string[]): Promise<number> {
  let removed = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    await rm(path, { force: true });
    removed += 1;
  }
  return removed;
}

/** An audit event of retention: counts and categories only, never a deleted value. */
function retentionEvent(at: Date, actor: AuditEvent['actor'], action: string, newValue: object, reason: string | null): AuditEvent {
  return { at: at.toISOString(), actor, action, districtId: null, version: null, oldValue: null, newValue, reason };
}
