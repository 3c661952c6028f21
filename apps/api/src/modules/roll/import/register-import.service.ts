import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Street } from '@wahl/domain';
import type { RegisterImportJob, RegisterImportStatus } from '@wahl/contracts';
import type { Actor } from '../../../platform/auth/roles';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { RollChangesService } from '../changes/roll-changes.service';
import type { RegisterImportSource } from '../entities/register-import.entity';
import { Database, tryAdvisoryXactLock } from '../../../platform/database/database';
import { defineJob, JobQueue } from '../../../platform/jobs/job-queue';
import { actorRef, RollElectionService, type RollElection } from '../shared/roll-election.service';
import { RollEvents } from '../shared/roll.events';
import { RollRepository } from '../shared/roll.repository';
import { readRegisterCsv } from './register-csv-reader';
import type { RegisterImportRun } from './register-import-run';
import { busyElection, RegisterImportSession, type SessionDependencies } from './register-import-session';
import { toImportJob, toImportStatus } from './register-import-status';
import { RegisterImportRepository, type ImportOutcome, type RegisterImportRow } from './register-import.repository';
import type { RegisterEncodingOption } from './register-text-decoder';
import { RegisterUploadStore } from './register-upload-store';

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

/** Imports a stored register file on whichever API process is free; after a crash, another starts it over. */
export const REGISTER_IMPORT = defineJob<{
  readonly importId: string;
  readonly electionId: string;
  readonly encoding: RegisterEncodingOption;
}>('roll.register-import');

/** A caller waiting for an import reads its row this often. */
const WAIT_INTERVAL_MS = 250;

/**
 * The import pipeline behind both connectors (file upload / CLI, and the pull from a register
 * service): one job, one transaction, rows through COPY, progress to the job row, the office's
 * socket room and an optional listener. A file is stored as received and imported by a job of the
 * job queue (any API process; one transaction, so a run killed mid-way leaves nothing and the retry
 * starts over from the stored file with the same result). Nothing of a resident is ever logged.
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
    private readonly uploads: RegisterUploadStore,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work(
      REGISTER_IMPORT,
      (payload) => this.importStored(payload),
      async ({ importId }) => {
        // Its runs kept dying: the stored file goes, then it is failed (nothing was taken over);
        // in this order, whoever sees the row end finds the file gone.
        await this.uploads.remove(importId);
        await this.failIfStillRunning(
          importId,
          false,
          'Der Import wurde mehrmals unterbrochen. Es wurde nichts übernommen; bitte erneut starten.',
        );
      },
    );
  }

  /**
   * The file connector: a register export (upload or CLI) is stored, imported by a job, and the
   * finished job is the answer (the listener sees its progress meanwhile).
   */
  async importFile(
    actor: Actor,
    electionId: string,
    input: RegisterFileInput,
    options: RegisterImportOptions,
    listener?: ImportProgressListener,
  ): Promise<RegisterImportJob> {
    const election = await this.elections.forActor(actor, electionId);
    // A second import (or a roll build) of the election is refused before its file is read.
    if (!(await this.db.transaction((tx) => tryAdvisoryXactLock(tx, 'roll', election.id)))) throw busyElection();
    const { userId, username } = actorRef(actor);
    const job = await this.imports.create({
      electionId: election.id,
      officeId: election.officeId,
      source: input.source,
      fileName: input.fileName,
      skipInvalid: options.skipInvalid,
      progressTotal: input.totalBytes,
      progressUnit: 'bytes',
      createdByUserId: userId,
      createdByUsername: username,
    });
    this.events.importStatus(election.officeId, toImportStatus(job));
    try {
      await this.uploads.store(job.id, input.body);
      await this.jobs.send(REGISTER_IMPORT, { importId: job.id, electionId: election.id, encoding: options.encoding }, job.id);
    } catch (error) {
      await this.uploads.remove(job.id);
      this.logger.error(`register import ${job.id}: file not received (${errorCode(error)})`);
      await this.failIfStillRunning(
        job.id,
        false,
        error instanceof AppError ? error.message : 'Die Datei ist nicht vollständig angekommen. Es wurde nichts übernommen.',
      );
    }
    return this.ended(election, job.id, listener);
  }

  /** Waits until the import has ended, in whichever process runs it, reporting the progress its row shows. */
  private async ended(election: RollElection, jobId: string, listener?: ImportProgressListener): Promise<RegisterImportJob> {
    for (;;) {
      const row = await this.imports.find(election.id, jobId);
      if (!row) throw notFound('Der Import');
      listener?.(toImportStatus(row));
      if (row.status !== 'running') return toImportJob(row);
      await sleep(WAIT_INTERVAL_MS);
    }
  }

  /** One run of the job queue: the stored file through the pipeline, in one transaction. */
  private async importStored({ importId, electionId, encoding }: NonNullable<typeof REGISTER_IMPORT.payload>): Promise<void> {
    const row = await this.imports.find(electionId, importId);
    if (!row || row.status !== 'running') return this.uploads.remove(importId);
    const actor = await this.elections.systemActor(electionId, row.created_by_username);
    const election = await this.elections.forActor(actor, electionId);
    this.logger.log(`register import ${importId} for election ${electionId} started`);
    try {
      await this.importFileRows(election, await this.elections.streetDirectory(actor, electionId), row, encoding);
    } finally {
      // Ended either way (the guards below importFileRows fail it rather than leave it running);
      // a failure is recorded only after the file went.
      await this.uploads.remove(importId);
      await this.failIfStillRunning(importId, false);
    }
    await this.report(election, importId);
  }

  private async importFileRows(
    election: RollElection,
    streets: readonly Street[],
    job: RegisterImportRow,
    encoding: RegisterEncodingOption,
  ): Promise<void> {
    let session: RegisterImportSession;
    try {
      session = await this.openSession(election, streets, job);
    } catch (error) {
      // Busy since the upload was accepted (a build or import began meanwhile).
      await this.failIfStillRunning(job.id, false, error instanceof AppError ? error.message : undefined);
      return;
    }
    let done = 0;
    try {
      const read = await readRegisterCsv(this.uploads.read(job.id), encoding, session.run, async (bytes) => {
        done = bytes;
        await session.afterChunk(bytes);
      });
      await session.finish(read.bytes, {
        sha256: read.sha256,
        encoding: read.encoding ?? (encoding === 'auto' ? 'utf-8' : encoding),
      });
    } catch (error) {
      await session.abort();
      await this.failUnexpectedly(session.job.id, session.run, done, error);
    } finally {
      // No job stays `running` after its run ended (issue #17, 5), whatever failed above.
      await session.abort().catch(() => undefined);
      await this.failIfStillRunning(session.job.id, false);
    }
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
   * Opens a session for a job (transaction and election lock first, then the job is running again);
   * used by both connectors.
   */
  async openSession(election: RollElection, streets: readonly Street[], job: RegisterImportRow): Promise<RegisterImportSession> {
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
        await this.imports.setRunning(job.id);
        return (await this.imports.find(election.id, job.id)) ?? job;
      },
      async (jobId, done, run, elapsedMs) => this.progress(election, jobId, done, run, elapsedMs),
    );
    this.events.importStatus(election.officeId, toImportStatus(session.job));
    return session;
  }

  /** Publishes the final state: the socket event, without errors, and a log line. */
  async report(election: RollElection, jobId: string): Promise<void> {
    const row = await this.imports.find(election.id, jobId);
    if (!row) return;
    this.events.importStatus(election.officeId, toImportStatus(row));
    this.logger.log(`register import ${jobId} ${row.status}: ${row.rows_imported} rows, ${row.error_count} problems`);
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

  /** Fails a job that is still `running`; never throws (it runs on the way out of a run). */
  async failIfStillRunning(
    jobId: string,
    resumable: boolean,
    message = 'Der Import ist wegen eines internen Fehlers abgebrochen. Es wurde nichts übernommen.',
  ): Promise<void> {
    try {
      if (await this.imports.failIfRunning(jobId, message, resumable))
        this.logger.warn(`register import ${jobId} was still running: failed`);
    } catch (error) {
      this.logger.error(`register import ${jobId} could not be marked failed (${errorCode(error)})`);
    }
  }

  private async progress(election: RollElection, jobId: string, done: number, run: RegisterImportRun, elapsedMs: number): Promise<void> {
    const recordsPerSecond = elapsedMs > 0 ? Math.round((run.recordsRead * 1000) / elapsedMs) : null;
    await this.imports.progress(jobId, { done, recordsRead: run.recordsRead, recordsPerSecond });
    const row = await this.imports.find(election.id, jobId);
    if (!row) return;
    this.events.importStatus(election.officeId, toImportStatus(row));
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
