import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { StreetIndex } from '@wahl/domain';
import type { RegisterImportJob, RegisterImportStatus } from '@wahl/contracts';
import type { Actor } from '../../../platform/auth/roles';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { RollChangesService } from '../changes/roll-changes.service';
import type { RegisterImportSource } from '../entities/register-import.entity';
import { Database } from '../../../platform/database/database';
import { actorRef, RollElectionService, type RollElection } from '../shared/roll-election.service';
import { RollEvents } from '../shared/roll.events';
import { RollRepository } from '../shared/roll.repository';
import { readRegisterCsv } from './register-csv-reader';
import type { RegisterImportRun } from './register-import-run';
import { RegisterImportSession, type SessionDependencies } from './register-import-session';
import { toImportJob, toImportStatus } from './register-import-status';
import { RegisterImportRepository, type ImportOutcome, type NewImport, type RegisterImportRow } from './register-import.repository';
import type { RegisterEncodingOption } from './register-text-decoder';

export type RegisterFileInput = {
  /** The file's bytes, read once, in order (an upload stream, a file stream). */
  readonly body: AsyncIterable<Uint8Array>;
  readonly fileName: string | null;
  /** Size in bytes when known, for the progress bar. */
  readonly totalBytes: number | null;
  readonly source: Extract<RegisterImportSource, 'upload' | 'cli' | 'demo'>;
};

export type RegisterImportOptions = { readonly encoding: RegisterEncodingOption; readonly skipInvalid: boolean };

/** Called with each progress report (the CLI prints a line). */
export type ImportProgressListener = (status: RegisterImportStatus) => void;

/** Jobs without a heartbeat for this long are taken for dead (the process that ran them ended). */
const STALE_AFTER_SECONDS = 120;

/**
 * The import pipeline behind both connectors (file upload / CLI, and the pull from a register
 * service): one job, one transaction, rows through COPY, progress to the job row, the office's
 * socket room and an optional listener. Nothing of a resident is ever logged.
 */
@Injectable()
export class RegisterImportService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RegisterImportService.name);

  constructor(
    private readonly db: Database,
    private readonly elections: RollElectionService,
    private readonly imports: RegisterImportRepository,
    private readonly rolls: RollRepository,
    private readonly changes: RollChangesService,
    private readonly events: RollEvents,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const failed = await this.imports.failStale(STALE_AFTER_SECONDS).catch(() => 0);
    if (failed > 0) this.logger.warn(`${failed} interrupted register import(s) marked as failed`);
  }

  /** The file connector: a register export (upload or CLI), streamed through the pipeline. */
  async importFile(
    actor: Actor,
    electionId: string,
    input: RegisterFileInput,
    options: RegisterImportOptions,
    listener?: ImportProgressListener,
  ): Promise<RegisterImportJob> {
    const election = await this.elections.forActor(actor, electionId);
    const streets = await this.elections.streetIndex(actor, electionId);
    const { userId, username } = actorRef(actor);
    const session = await this.openSession(
      election,
      streets,
      {
        create: {
          electionId: election.id,
          officeId: election.officeId,
          source: input.source,
          fileName: input.fileName,
          skipInvalid: options.skipInvalid,
          progressTotal: input.totalBytes,
          progressUnit: 'bytes',
          createdByUserId: userId,
          createdByUsername: username,
        },
      },
      listener,
    );
    this.logger.log(`register import ${session.job.id} started for election ${election.id} (${input.source})`);
    let done = 0;
    try {
      const read = await readRegisterCsv(input.body, options.encoding, session.run, async (bytes) => {
        done = bytes;
        await session.afterChunk(bytes);
      });
      await session.finish(read.bytes, {
        sha256: read.sha256,
        encoding: read.encoding ?? (options.encoding === 'auto' ? 'utf-8' : options.encoding),
      });
    } catch (error) {
      await session.abort();
      await this.failUnexpectedly(session.job.id, session.run, done, error);
    } finally {
      // No job stays `running` after its request ended (issue #17, 5), whatever failed above.
      await session.abort().catch(() => undefined);
      await this.failIfStillRunning(session.job.id, false);
    }
    return this.report(election, session.job.id, listener);
  }

  async assertAccess(actor: Actor, electionId: string): Promise<void> {
    await this.elections.forActor(actor, electionId);
  }

  async get(actor: Actor, electionId: string, jobId: string): Promise<RegisterImportJob> {
    await this.elections.forActor(actor, electionId);
    const row = await this.imports.find(electionId, jobId);
    if (!row) throw notFound('Der Import');
    return toImportJob(row);
  }

  async list(actor: Actor, electionId: string): Promise<RegisterImportStatus[]> {
    await this.elections.forActor(actor, electionId);
    return (await this.imports.list(electionId, 50)).map(toImportStatus);
  }

  /** The rows left out by an import with skipInvalid, as `;`-separated CSV lines (UTF-8). */
  async *rejectedCsv(actor: Actor, electionId: string, jobId: string): AsyncGenerator<string> {
    await this.elections.forActor(actor, electionId);
    const row = await this.imports.find(electionId, jobId);
    if (!row) throw notFound('Der Import');
    if (!row.skip_invalid)
      throw new AppError('NOT_FOUND', 'Dieser Import hat keinen Bericht ausgelassener Zeilen (nur bei „fehlerhafte Zeilen auslassen“).');
    yield '\uFEFFzeile;spalte;wert;grund\n';
    for await (const batch of this.imports.rejects(jobId)) {
      yield batch.map((r) => [String(r.line_no), r.column_name ?? '', r.value, r.reason].map(csvCell).join(';')).join('\n') + '\n';
    }
  }

  /**
   * Opens a session (transaction and election lock first, then the job row: a new one, or an
   * existing pull job that now imports its pages); used by both connectors.
   */
  async openSession(
    election: RollElection,
    streets: StreetIndex,
    job: { readonly create: NewImport } | { readonly existing: RegisterImportRow },
    listener?: ImportProgressListener,
  ): Promise<RegisterImportSession> {
    const dependencies: SessionDependencies = {
      db: this.db,
      imports: this.imports,
      followUp: {
        rollBaseImport: async (client, electionId) => (await this.rolls.find(client, electionId))?.base_import_id ?? null,
        proposeChanges: (client, forElection, importId) => this.changes.proposeIfFrozen(client, forElection, importId),
      },
    };
    const session = await RegisterImportSession.open(
      dependencies,
      election,
      streets,
      async () => {
        if ('create' in job) return this.imports.create(job.create);
        await this.imports.setRunning(job.existing.id);
        return (await this.imports.find(election.id, job.existing.id)) ?? job.existing;
      },
      async (jobId, done, run, elapsedMs) => this.progress(election, jobId, done, run, elapsedMs, listener),
    );
    this.events.importStatus(election.officeId, toImportStatus(session.job));
    return session;
  }

  /** Publishes the final state: socket event without errors, listener, and the full job as answer. */
  async report(election: RollElection, jobId: string, listener?: ImportProgressListener): Promise<RegisterImportJob> {
    const row = await this.imports.find(election.id, jobId);
    if (!row) throw notFound('Der Import');
    const status = toImportStatus(row);
    this.events.importStatus(election.officeId, status);
    listener?.(status);
    this.logger.log(`register import ${jobId} ${row.status}: ${row.rows_imported} rows, ${row.error_count} problems`);
    return toImportJob(row);
  }

  /** An error nobody expected (database, network): recorded without its message, which may quote data. */
  async failUnexpectedly(jobId: string, run: RegisterImportRun, done: number, error: unknown, resumable = false): Promise<void> {
    const code = errorCode(error);
    this.logger.error(`register import ${jobId} failed unexpectedly (${code})`);
    const outcome: ImportOutcome = {
      status: 'failed',
      message:
        error instanceof AppError
          ? error.message
          : `Der Import ist wegen eines internen Fehlers abgebrochen (${code}). Es wurde nichts übernommen.`,
      recordsRead: run.recordsRead,
      rowsImported: 0,
      rowsRejected: run.rowsRejected,
      errorCount: run.errorCount,
      errors: run.errors,
      progressDone: done,
      recordsPerSecond: null,
      resumable,
    };
    try {
      await this.imports.finish(this.db, jobId, outcome);
    } catch (storeError) {
      // The report itself could not be stored: the job is failed with its message alone.
      this.logger.error(`register import ${jobId}: failure report not stored (${errorCode(storeError)})`);
      await this.failIfStillRunning(jobId, resumable, outcome.message);
    }
  }

  /** Fails a job that is still `running`; never throws (it runs on the way out of a request). */
  async failIfStillRunning(
    jobId: string,
    resumable: boolean,
    message = 'Der Import ist wegen eines internen Fehlers abgebrochen. Es wurde nichts übernommen.',
  ): Promise<void> {
    try {
      if (await this.imports.failIfRunning(jobId, message, resumable))
        this.logger.warn(`register import ${jobId} was still running: failed`);
    } catch (error) {
      this.logger.error(`register import ${jobId} could not be marked failed (${errorCode(error)}); failStale will`);
    }
  }

  private async progress(
    election: RollElection,
    jobId: string,
    done: number,
    run: RegisterImportRun,
    elapsedMs: number,
    listener?: ImportProgressListener,
  ): Promise<void> {
    const recordsPerSecond = elapsedMs > 0 ? Math.round((run.recordsRead * 1000) / elapsedMs) : null;
    await this.imports.progress(jobId, { done, recordsRead: run.recordsRead, recordsPerSecond });
    const row = await this.imports.find(election.id, jobId);
    if (!row) return;
    const status = toImportStatus(row);
    this.events.importStatus(election.officeId, status);
    listener?.(status);
  }
}

/** The error's code or class name, never its message (which may quote register data). */
function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) return String((error as { code: unknown }).code);
  return error instanceof Error ? error.name : 'unknown';
}

/** A `;`-CSV cell, quoted when needed; a leading = + @ is defused so that a spreadsheet shows it as text. */
export function csvCell(value: string): string {
  const safe = /^[=+@]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
