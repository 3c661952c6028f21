import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { RegisterImportStatus } from '@wahl/contracts';
import type { Actor } from '../../../platform/auth/roles';
import { assertSameOffice } from '../../../platform/auth/tenancy';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { RegisterImportService } from '../import/register-import.service';
import { toImportStatus } from '../import/register-import-status';
import { RegisterImportRepository, type ImportOutcome } from '../import/register-import.repository';
import { Database } from '../../../platform/database/database';
import { defineJob, JobQueue, type JobRun } from '../../../platform/jobs/job-queue';
import { actorRef, RollElectionService, type RollElection } from '../shared/roll-election.service';
import { RollEvents } from '../shared/roll.events';
import { fetchRegisterPage, PullError, type PullClientOptions } from './register-pull.client';
import { RegisterPullRepository } from './register-pull.repository';
import { PULL_COLUMNS, residentFields } from './resident-json';

export type PullSettings = {
  /** Base address of the register service; pages come from `{url}/residents`. */
  readonly url: string;
  readonly pageSize: number;
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly retryDelayMs: number;
};

/** A base address as the allow-list stores it: parsed and without a trailing slash. */
export const normaliseBaseUrl = (url: string): string => new URL(url).href.replace(/\/+$/, '');

export const PULL_DEFAULTS = { pageSize: 1000, timeoutMs: 30_000, maxAttempts: 5, retryDelayMs: 500 } as const;

/** The client's tuning of one pull (address and page size are the job row's). */
type PullTuning = Pick<PullSettings, 'timeoutMs' | 'maxAttempts' | 'retryDelayMs'>;

/** Fetches and imports a pull on whichever API process is free; a run hands over between pages. */
type PullPayload = { readonly importId: string; readonly electionId: string; readonly tuning: PullTuning };
export const REGISTER_PULL = defineJob<PullPayload>('roll.register-pull');

/**
 * The pull connector: pages from a register service (docs/REGISTER-PULL.md), each stored as it
 * arrives, then fed through the same import pipeline in one transaction, as a job of the job queue.
 * A process that dies mid-pull is replaced by another after the lease, which continues after the last
 * stored page; a failure while fetching leaves the job failed but resumable, and `resume` continues
 * there too. So an interrupted pull ends with the same rows as an undisturbed one.
 */
@Injectable()
export class RegisterPullService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RegisterPullService.name);

  constructor(
    private readonly db: Database,
    private readonly elections: RollElectionService,
    private readonly imports: RegisterImportRepository,
    private readonly importService: RegisterImportService,
    private readonly pages: RegisterPullRepository,
    private readonly events: RollEvents,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work(
      REGISTER_PULL,
      (payload, run) => this.run(payload, run),
      // Its runs kept dying: failed, and resumable after the pages stored so far.
      ({ importId }) =>
        this.importService.failIfStillRunning(importId, true, 'Der Abruf wurde mehrmals unterbrochen. Er kann fortgesetzt werden.'),
    );
  }

  /** The register services an office may pull from: the provider admin for any office, an office admin for their own. */
  async sources(actor: Actor, officeId: string): Promise<string[]> {
    if (actor.role !== 'provider-admin') assertSameOffice(actor, officeId, 'Das Wahlamt');
    return this.pages.sources(officeId);
  }

  /** Sets the office's allowed register services (provider admin only, by the route's access rule). */
  async setSources(actor: Actor, officeId: string, urls: readonly string[]): Promise<string[]> {
    const normalised = [...new Set(urls.map(normaliseBaseUrl))].sort();
    await this.db.transaction((tx) => this.pages.replaceSources(tx, officeId, normalised, actor.username));
    return normalised;
  }

  /** Starts a pull in the background; the answer is the running job (follow it like an upload). */
  async start(actor: Actor, electionId: string, settings: PullSettings): Promise<RegisterImportStatus> {
    const election = await this.elections.forActor(actor, electionId);
    // Only the register services the provider allowed for this office (issue 17, finding 8): an office
    // admin could otherwise make the server probe internal addresses.
    const allowed = await this.pages.sources(election.officeId);
    if (!allowed.includes(normaliseBaseUrl(settings.url))) {
      throw new AppError('REGISTER_PULL_URL_NOT_ALLOWED', undefined, [
        { path: '$.url', message: 'Diese Adresse ist für dieses Wahlamt nicht freigegeben.', code: 'not-allowed' },
      ]);
    }
    const { userId, username } = actorRef(actor);
    const job = await this.imports.create({
      electionId: election.id,
      officeId: election.officeId,
      source: 'pull',
      fileName: null,
      skipInvalid: false,
      progressTotal: null,
      progressUnit: 'pages',
      createdByUserId: userId,
      createdByUsername: username,
      pullBaseUrl: settings.url,
      pullPageSize: settings.pageSize,
    });
    await this.jobs.send(REGISTER_PULL, { importId: job.id, electionId: election.id, tuning: tuningOf(settings) }, job.id);
    return toImportStatus(job);
  }

  /** Continues a failed pull after its last stored page. */
  async resume(
    actor: Actor,
    electionId: string,
    jobId: string,
    overrides: Partial<Omit<PullSettings, 'url' | 'pageSize'>>,
  ): Promise<RegisterImportStatus> {
    const election = await this.elections.forActor(actor, electionId);
    const job = await this.imports.find(election.id, jobId);
    if (!job || job.source !== 'pull') throw notFound('Der Abruf');
    // The allow-list may have changed since the pull started (issue 17, finding 8).
    if (!job.pull_base_url || !(await this.pages.sources(election.officeId)).includes(normaliseBaseUrl(job.pull_base_url))) {
      throw new AppError('REGISTER_PULL_URL_NOT_ALLOWED');
    }
    if (!(await this.pages.claimForResume(election.id, jobId))) {
      throw new AppError(
        'REGISTER_PULL_NOT_RESUMABLE',
        'Dieser Abruf kann nicht fortgesetzt werden (er läuft noch oder ist bereits beendet).',
      );
    }
    await this.jobs.send(
      REGISTER_PULL,
      { importId: jobId, electionId: election.id, tuning: tuningOf({ ...PULL_DEFAULTS, ...overrides }) },
      jobId,
    );
    const row = await this.imports.find(election.id, jobId);
    return toImportStatus(row ?? job);
  }

  /** One run of the job queue: fetches pages until the last (then imports them) or until the run hands over. */
  private async run({ importId, electionId, tuning }: PullPayload, run: JobRun): Promise<void> {
    const job = await this.imports.find(electionId, importId);
    // Ended meanwhile (failed and waiting for a resume, or done): nothing to do.
    if (!job || job.status !== 'running' || !job.pull_base_url) return;
    const election = await this.elections.forActor(await this.elections.systemActor(electionId, job.created_by_username), electionId);
    const options: PullClientOptions = { ...tuning, baseUrl: job.pull_base_url, pageSize: job.pull_page_size ?? PULL_DEFAULTS.pageSize };
    const last = await this.pages.lastPage(importId);
    let pageNo = last?.page_no ?? 0;
    let cursor = last ? last.next_cursor : null;
    let complete = last !== null && last.next_cursor === null;
    this.logger.log(`register pull ${importId} for election ${electionId} ${last ? `continued after page ${pageNo}` : 'started'}`);
    try {
      while (!complete) {
        if (run.handOver()) {
          await this.jobs.send(REGISTER_PULL, { importId, electionId, tuning }, importId);
          return;
        }
        const page = await fetchRegisterPage(options, cursor);
        pageNo++;
        await this.pages.store(importId, {
          pageNo,
          cursor,
          nextCursor: page.nextCursor,
          residents: page.residents.length,
          body: JSON.stringify(page.residents),
        });
        await this.pages.saveProgress(importId, pageNo, `${pageNo} Seiten abgerufen …`);
        await this.publish(election, importId);
        cursor = page.nextCursor;
        complete = cursor === null;
      }
    } catch (error) {
      const reason = error instanceof PullError ? error.message : 'Unerwarteter Fehler beim Abruf.';
      await this.failResumable(
        election,
        importId,
        pageNo,
        `Der Abruf ist bei Seite ${pageNo + 1} abgebrochen: ${reason} ${pageNo} Seiten sind gespeichert; der Abruf kann dort fortgesetzt werden.`,
      );
      return;
    }
    await this.importPages(await this.elections.systemActor(electionId, job.created_by_username), election, importId, pageNo);
  }

  /** All pages are stored: one pass through the import pipeline, in one transaction. */
  private async importPages(actor: Actor, election: RollElection, jobId: string, pageCount: number): Promise<void> {
    const job = await this.imports.find(election.id, jobId);
    if (!job) return;
    let session;
    try {
      session = await this.importService.openSession(election, await this.elections.streetDirectory(actor, election.id), job);
    } catch (error) {
      const reason = error instanceof AppError ? error.message : 'Die Übernahme konnte nicht beginnen.';
      await this.failResumable(
        election,
        jobId,
        pageCount,
        `${reason} Alle ${pageCount} Seiten sind gespeichert; bitte den Abruf fortsetzen.`,
      );
      return;
    }
    const run = session.run;
    run.setColumns(PULL_COLUMNS);
    const hash = createHash('sha256');
    let recordNo = 0;
    let pagesDone = 0;
    try {
      for await (const { body } of this.pages.bodies(jobId)) {
        hash.update(body).update('\n');
        const residents = JSON.parse(body) as unknown[];
        for (const resident of residents) {
          recordNo++;
          const fields = residentFields(resident, recordNo);
          if (Array.isArray(fields)) run.fields(fields, recordNo);
          else run.unreadable(fields);
        }
        pagesDone++;
        await session.afterChunk(pagesDone);
      }
      if (recordNo === 0) run.fatal([{ line: 1, column: null, value: '', reason: 'Der Registerdienst hat keine Einwohner geliefert.' }]);
      await session.finish(pagesDone, { sha256: hash.digest('hex'), encoding: 'utf-8' }, (client) => this.pages.deletePages(client, jobId));
    } catch (error) {
      await session.abort();
      await this.importService.failUnexpectedly(jobId, run, pagesDone, error, true);
    }
    await this.importService.report(election, jobId);
  }

  private async failResumable(election: RollElection, jobId: string, pages: number, message: string): Promise<void> {
    const outcome: ImportOutcome = {
      status: 'failed',
      message,
      recordsRead: 0,
      rowsImported: 0,
      rowsRejected: 0,
      errorCount: 0,
      errors: [],
      progressDone: pages,
      recordsPerSecond: null,
      resumable: true,
    };
    await this.imports.finish(this.db, jobId, outcome);
    this.logger.warn(`register pull ${jobId} stopped after ${pages} stored pages (resumable)`);
    await this.publish(election, jobId);
  }

  private async publish(election: RollElection, jobId: string): Promise<void> {
    const row = await this.imports.find(election.id, jobId);
    if (row) this.events.importStatus(election.officeId, toImportStatus(row));
  }
}

const tuningOf = ({ timeoutMs, maxAttempts, retryDelayMs }: PullTuning): PullTuning => ({ timeoutMs, maxAttempts, retryDelayMs });
