import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { isUuid, type PollingCardJob, type PollingCardJobDetail } from '@wahl/contracts';
import { orderForMailing, splitIntoLots, type CardElection, type CardRecord, type MailingOrderError } from '@wahl/domain';
import type { Actor } from '../../platform/auth/roles';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config';
import { Database, type Queryable } from '../../platform/database/database';
import { AppError, notFound } from '../../platform/errors/app-error';
import { defineJob, JobQueue, type JobRun } from '../../platform/jobs/job-queue';
import { ElectionsService } from '../elections/elections.service';
import { RollService } from '../roll/roll.service';
import { jobFiles, toJobDto } from './jobs/polling-card-job.mapper';
import type { PollingCardJobKind } from './entities/polling-card-job.entity';
import type { StoredCardRecord } from './entities/polling-card-piece.entity';
import { cardTokenKey, deriveCardToken, hashCardToken } from './jobs/card-tokens';
import { PollingCardJobRunner, type JobProgress } from './jobs/polling-card-job.runner';
import { PollingCardJobRepository, type JobRow } from './jobs/polling-card-job.repository';
import { PollingCardsEvents } from './polling-cards.events';
import { compileLayout } from './rendering/card-layout.compiler';
import { CardTemplateError, loadCardTemplate, type CardTemplate } from './rendering/card-template.loader';
import { renderLotToBuffer } from './rendering/lot-renderer';
import { DEFAULT_LOT_SIZE } from './rendering/print-job';
import { RollCardRecords, type RollCardRecord } from './roll-card-records';

export type PrepareOptions = {
  readonly layout?: string;
  /** Output folder; default `<data dir>/polling-cards/<job id>`. */
  readonly outDir?: string;
  readonly lotSize?: number;
};

/** Renders a print job on whichever API process is free; a run hands over to the next after its share of the lease. */
export const RENDER_CARDS = defineJob<{ readonly jobId: string }>('polling-cards.render');

/** How a job ended, as a waiting caller (CLI, replacement card) learns it from the job's row. */
export type JobEnd = { readonly status: 'succeeded' | 'cancelled' | 'failed'; readonly message: string | null };

/** Socket updates at most this often per job. */
const EVENT_INTERVAL_MS = 500;
/** A caller waiting for a job reads its row this often. */
const WAIT_INTERVAL_MS = 250;
const ENDED: ReadonlySet<string> = new Set(['succeeded', 'cancelled', 'failed']);

const errorList = (errors: readonly MailingOrderError[]) =>
  errors.slice(0, 50).map((e) => ({
    path: `$.wahlbezirk[${e.district}].nr[${e.voterNumber}]`,
    message:
      e.code === 'INVALID_POSTAL_CODE'
        ? `Postleitzahl „${e.postalCode}“ ist keine fünfstellige Postleitzahl.`
        : 'Nummer im Wahlbezirk doppelt vergeben.',
  }));

/**
 * Polling cards for the roll (DOMAIN.md 3): print jobs (main run, follow-up for later entries,
 * replacement cards) prepared from the roll, rendered on all cores as jobs of the job queue (any API
 * process) with progress to the office screen, cancellable and resumed after a crash; previews.
 * Nothing of a voter is logged or sent over the socket.
 */
@Injectable()
export class PollingCardsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(PollingCardsService.name);
  /** Jobs this process renders right now: a cancel here stops them at once (others notice within 2 s). */
  private readonly running = new Map<string, AbortController>();
  private tokenKeyValue: string | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly database: Database,
    private readonly store: PollingCardJobRepository,
    private readonly elections: ElectionsService,
    private readonly roll: RollService,
    private readonly rollRecords: RollCardRecords,
    private readonly events: PollingCardsEvents,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work(
      RENDER_CARDS,
      ({ jobId }, run) => this.render(jobId, run),
      ({ jobId }) => this.givenUp(jobId),
    );
  }

  private get tokenKey(): string {
    this.tokenKeyValue ??= cardTokenKey(this.config.cardTokenKey, this.config.dataDir);
    return this.tokenKeyValue;
  }

  private runner(): PollingCardJobRunner {
    return new PollingCardJobRunner({ store: this.store, templatesDir: this.config.templatesDir, tokenKey: this.tokenKey });
  }

  private template(election: CardElection, layout: string | undefined): CardTemplate {
    try {
      return loadCardTemplate({ templatesDir: this.config.templatesDir, electionKind: election.kind, layout });
    } catch (error) {
      if (error instanceof CardTemplateError) {
        throw new AppError(
          'VALIDATION_FAILED',
          'Die Vorlage für die Wahlbenachrichtigung ist fehlerhaft.',
          error.problems.map((problem) => ({ path: '$.layout', message: problem })),
        );
      }
      throw error;
    }
  }

  private async cardElection(actor: Actor, electionId: string): Promise<CardElection> {
    const summary = await this.elections.getForOffice(actor, electionId);
    return {
      kind: summary.kind,
      name: summary.name,
      electionDay: summary.electionDay,
      postalApplicationDeadline: summary.deadlines.postalApplicationDeadline,
    };
  }

  /**
   * R3.8: whose card a presented QR token is, for the online Wahlschein application (postal voting):
   * election and roll voter id of a current, not revoked token; null for anything else.
   */
  async applicationTokenOwner(token: string): Promise<{ electionId: string; voterId: number } | null> {
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
    const owner = await this.store.tokenOwner(hashCardToken(token));
    return owner ? { electionId: owner.election_id, voterId: owner.voter_id } : null;
  }

  /** An actor for the office itself (CLI). */
  async systemActor(electionId: string, username: string): Promise<Actor> {
    if (!isUuid(electionId)) throw notFound('Die Wahl');
    const officeId = await this.store.officeOf(electionId);
    if (!officeId) throw notFound('Die Wahl');
    return { userId: username, username, role: 'office-admin', officeId };
  }

  /**
   * Fixes a main or follow-up job: the voters (all of the roll, or those without a card yet, R3.4),
   * in mailing order (R3.10), each with a QR token whose hash is stored (R3.8). A main job locks the
   * voter numbers (R1.14).
   */
  async prepare(
    actor: Actor,
    electionId: string,
    kind: Exclude<PollingCardJobKind, 'replacement'>,
    options: PrepareOptions = {},
  ): Promise<JobRow> {
    const election = await this.cardElection(actor, electionId);
    const template = this.template(election, options.layout);
    const active = await this.store.active(electionId);
    if (active) throw new AppError('CARD_JOB_RUNNING', `Es läuft bereits ein Druckauftrag (Nr. ${active.job_number}) für diese Wahl.`);
    const closing = await this.roll.closingCounts(electionId);
    if (!closing.built) throw new AppError('ROLL_NOT_BUILT', 'Für diese Wahl ist noch kein Wählerverzeichnis gebaut.');
    const withCards = await this.store.votersWithCards(electionId);
    if (kind === 'main' && withCards.size > 0) {
      throw new AppError(
        'CARDS_ALREADY_PRINTED',
        'Die Wahlbenachrichtigungen sind bereits gedruckt. Für später Eingetragene einen Nachdruck anlegen, für verlorene Karten eine Ersatzkarte.',
      );
    }
    const all = await this.rollRecords.load(actor, electionId);
    const records = kind === 'main' ? all : all.filter((entry) => !withCards.has(entry.voterId));
    if (records.length === 0) {
      throw new AppError(
        'CARDS_NOTHING_TO_PRINT',
        kind === 'main' ? 'Das Wählerverzeichnis ist leer.' : 'Alle Wahlberechtigten haben bereits eine Wahlbenachrichtigung.',
      );
    }
    const job = await this.createJob(actor, electionId, kind, election, template, records, {
      ...options,
      reason: null,
      replacement: false,
    });
    if (kind === 'main')
      await this.roll.lockNumbers(electionId, { userId: isUuid(actor.userId) ? actor.userId : null, username: actor.username });
    this.logger.log(
      `polling-card job ${job.job_number} (${kind}) prepared for election ${electionId}: ${job.pieces} pieces in ${job.lots} lots`,
    );
    return job;
  }

  private async createJob(
    actor: Actor,
    electionId: string,
    kind: PollingCardJobKind,
    election: CardElection,
    template: CardTemplate,
    records: readonly RollCardRecord[],
    options: PrepareOptions & { readonly reason: string | null; readonly replacement: boolean },
  ): Promise<JobRow> {
    const voterOf = new Map<CardRecord, number>();
    const cards = records.map(({ voterId, record }) => {
      const card: CardRecord = { ...record, ...(options.replacement ? { replacement: true } : {}), applicationUrl: '' };
      voterOf.set(card, voterId);
      return card;
    });
    const ordered = orderForMailing(cards);
    if (!ordered.ok)
      throw new AppError(
        'VALIDATION_FAILED',
        'Einträge des Wählerverzeichnisses lassen sich nicht für den Versand sortieren.',
        errorList(ordered.error),
      );
    const lotSize = options.lotSize ?? DEFAULT_LOT_SIZE;
    const officeId = (await this.systemActor(electionId, actor.username)).officeId!;
    const documentDate = new Date(Math.floor(Date.now() / 1000) * 1000);
    return this.database.transaction(async (client) => {
      const job = await this.store.create(
        client,
        {
          electionId,
          officeId,
          kind,
          election,
          layout: template.layout.name,
          templateId: template.id,
          templateFingerprint: template.fingerprint,
          outDir: options.outDir ? resolve(options.outDir) : null,
          applicationUrlBase: `${this.config.publicBaseUrl.replace(/\/$/, '')}/b/`,
          documentDate,
          lotSize,
          pieces: ordered.value.length,
          lots: Math.ceil(ordered.value.length / lotSize),
          reason: options.reason,
          createdByUserId: isUuid(actor.userId) ? actor.userId : null,
          createdByUsername: actor.username,
        },
        resolve(this.config.dataDir, 'polling-cards'),
      );
      const voterIds = ordered.value.map((piece) => voterOf.get(piece.record)!);
      const issues = await this.tokenIssues(client, electionId, job.id, voterIds, options.replacement);
      await this.store.insertPieces(
        client,
        job.id,
        electionId,
        ordered.value.map((piece, i) => {
          const { applicationUrl: _url, ...record } = piece.record;
          return { voterId: voterIds[i]!, tokenIssue: issues.get(voterIds[i]!)!, record: record as StoredCardRecord };
        }),
      );
      return job;
    });
  }

  /** The token issue each voter's card carries: the current one, a first one, or (replacement) the next. */
  private async tokenIssues(
    client: Queryable,
    electionId: string,
    jobId: string,
    voterIds: readonly number[],
    replacement: boolean,
  ): Promise<Map<number, number>> {
    const issues = replacement ? new Map<number, number>() : await this.store.currentTokenIssues(client, electionId, voterIds);
    const fresh: { voterId: number; issue: number; hash: string }[] = [];
    for (const voterId of voterIds) {
      if (issues.has(voterId)) continue;
      const issue = (await this.store.highestTokenIssue(client, electionId, voterId)) + 1;
      if (replacement) await this.store.revokeTokens(client, electionId, voterId);
      issues.set(voterId, issue);
      fresh.push({ voterId, issue, hash: hashCardToken(deriveCardToken(this.tokenKey, electionId, voterId, issue)) });
    }
    await this.store.insertTokens(client, electionId, jobId, fresh);
    return issues;
  }

  /** Queues the job (new, cancelled or failed; an interrupted one is already queued) and waits for its end. */
  async start(jobId: string, onProgress?: (job: PollingCardJob) => void): Promise<JobEnd> {
    await this.enqueue(jobId);
    return this.ended(jobId, onProgress);
  }

  private async enqueue(jobId: string): Promise<void> {
    await this.store.markRunning(jobId);
    await this.jobs.send(RENDER_CARDS, { jobId }, jobId);
    const row = await this.store.find(jobId);
    if (row) this.events.jobChanged(row.office_id, toJobDto(row));
  }

  /** Waits until the job has ended, in whichever process renders it, reporting the progress its row shows. */
  private async ended(jobId: string, onProgress?: (job: PollingCardJob) => void): Promise<JobEnd> {
    for (;;) {
      const row = await this.store.find(jobId);
      if (!row) throw notFound('Der Druckauftrag');
      onProgress?.(toJobDto(row));
      if (ENDED.has(row.status)) return { status: row.status as JobEnd['status'], message: row.message };
      await sleep(WAIT_INTERVAL_MS);
    }
  }

  /** One run of the job queue: renders lots until the job is done or the run hands over, then queues the rest. */
  private async render(jobId: string, run: JobRun): Promise<void> {
    const controller = new AbortController();
    this.running.set(jobId, controller);
    let lastEvent = 0;
    const overlay = (progress: JobProgress): void => {
      const now = Date.now();
      if (now - lastEvent < EVENT_INTERVAL_MS) return;
      lastEvent = now;
      void this.store.find(jobId).then((row) => {
        // The row's counters lag by a save; the runner's own count is current.
        if (row)
          this.events.jobChanged(row.office_id, {
            ...toJobDto(row),
            piecesDone: progress.piecesDone,
            lotsDone: progress.lotsDone,
            percent: Math.floor((progress.piecesDone * 100) / Math.max(1, progress.pieces)),
            piecesPerSecond: progress.piecesPerSecond,
            etaSeconds: progress.etaSeconds,
          });
      });
    };
    this.logger.log(`polling-card job ${jobId}: run ${run.id} started`);
    try {
      const outcome = await this.runner().run(jobId, { signal: controller.signal, onProgress: overlay, handOver: run.handOver });
      this.logger.log(`polling-card job ${jobId} ${outcome.status} (${outcome.lotsRendered} lots rendered in this run)`);
      if (outcome.status === 'paused') await this.jobs.send(RENDER_CARDS, { jobId }, jobId);
    } catch (error) {
      // Not retried: the job is not in a state to render (finished meanwhile).
      this.logger.error(`polling-card job ${jobId} could not run: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running.delete(jobId);
      const row = await this.store.find(jobId).catch(() => null);
      if (row) this.events.jobChanged(row.office_id, toJobDto(row));
    }
  }

  /** The queue gave the job up (its runs kept dying): failed, so that it can be resumed by hand. */
  private async givenUp(jobId: string): Promise<void> {
    await this.store.finish(jobId, 'failed', 'Der Druck wurde mehrmals unterbrochen. Bitte den Auftrag fortsetzen.');
    const row = await this.store.find(jobId);
    if (row) this.events.jobChanged(row.office_id, toJobDto(row));
  }

  async createAndStart(
    actor: Actor,
    electionId: string,
    kind: Exclude<PollingCardJobKind, 'replacement'>,
    options: PrepareOptions = {},
  ): Promise<PollingCardJob> {
    const job = await this.prepare(actor, electionId, kind, options);
    await this.enqueue(job.id);
    return toJobDto((await this.store.find(job.id)) ?? job);
  }

  private async jobOf(actor: Actor, electionId: string, jobId: string): Promise<JobRow> {
    await this.elections.getForOffice(actor, electionId);
    const job = isUuid(jobId) ? await this.store.find(jobId, electionId) : null;
    if (!job) throw notFound('Der Druckauftrag');
    return job;
  }

  async list(actor: Actor, electionId: string): Promise<PollingCardJob[]> {
    await this.elections.getForOffice(actor, electionId);
    return (await this.store.list(electionId)).map(toJobDto);
  }

  async get(actor: Actor, electionId: string, jobId: string): Promise<PollingCardJobDetail> {
    const job = await this.jobOf(actor, electionId, jobId);
    return { ...toJobDto(job), reason: job.reason, files: jobFiles(job, await this.store.lots(job.id)) };
  }

  /** Where a job writes. */
  async jobFolder(actor: Actor, electionId: string, jobId: string): Promise<string> {
    return (await this.jobOf(actor, electionId, jobId)).out_dir;
  }

  async cancel(actor: Actor, electionId: string, jobId: string): Promise<PollingCardJob> {
    const job = await this.jobOf(actor, electionId, jobId);
    if (!(await this.store.requestCancel(job.id)))
      throw new AppError('CARD_JOB_NOT_CANCELLABLE', `Der Auftrag ist ${toJobDto(job).statusLabel} und kann nicht abgebrochen werden.`);
    this.running.get(job.id)?.abort();
    const row = (await this.store.find(job.id))!;
    this.events.jobChanged(row.office_id, toJobDto(row));
    return toJobDto(row);
  }

  /** Continues a cancelled or failed job at its first unfinished lot. */
  async resume(actor: Actor, electionId: string, jobId: string): Promise<PollingCardJob> {
    const job = await this.jobOf(actor, electionId, jobId);
    if (!['cancelled', 'failed', 'prepared'].includes(job.status))
      throw new AppError('CARD_JOB_NOT_RESUMABLE', `Der Auftrag ist ${toJobDto(job).statusLabel}.`);
    const active = await this.store.active(electionId);
    if (active && active.id !== job.id)
      throw new AppError('CARD_JOB_RUNNING', `Es läuft bereits ein Druckauftrag (Nr. ${active.job_number}) für diese Wahl.`);
    // A run that was just cancelled may still be winding down: the queue starts the new one after it.
    await this.enqueue(job.id);
    return toJobDto((await this.store.find(job.id)) ?? job);
  }

  /** A file of a job, by a name the job itself lists (never a path from the request). */
  async file(actor: Actor, electionId: string, jobId: string, name: string): Promise<{ path: string; type: string }> {
    const job = await this.jobOf(actor, electionId, jobId);
    const listed = jobFiles(job, await this.store.lots(job.id)).find((file) => file.name === name);
    const path = listed ? join(job.out_dir, listed.name) : null;
    if (!listed || !path || !existsSync(path)) throw notFound('Die Datei');
    const type = name.endsWith('.pdf') ? 'application/pdf' : name.endsWith('.json') ? 'application/json' : 'text/csv; charset=utf-8';
    return { path, type };
  }

  /**
   * A replacement for a lost or damaged card: marked "Ersatz", with a new QR token (the old one is
   * revoked), rendered at once. The job row records who asked for it, when and why.
   */
  async replacement(actor: Actor, electionId: string, voterId: number, reason: string): Promise<PollingCardJobDetail> {
    const election = await this.cardElection(actor, electionId);
    const withCards = await this.store.votersWithCards(electionId);
    if (!withCards.has(voterId)) {
      await this.roll.entry(electionId, voterId);
      throw new AppError(
        'CARD_NOT_PRINTED_YET',
        'Für diesen Eintrag wurde noch keine Wahlbenachrichtigung gedruckt; ein Nachdruck ist der richtige Weg.',
      );
    }
    const records = await this.rollRecords.load(actor, electionId, new Set([voterId]));
    if (records.length === 0) throw new AppError('ROLL_ENTRY_REMOVED', 'Der Eintrag ist nicht mehr aktiv im Wählerverzeichnis.');
    const template = this.template(election, undefined);
    const job = await this.createJob(actor, electionId, 'replacement', election, template, records, { reason, replacement: true });
    this.logger.log(`replacement polling card: job ${job.job_number} for election ${electionId} by ${actor.username}`);
    const end = await this.start(job.id);
    if (end.status !== 'succeeded') throw new AppError('CARD_JOB_FAILED', end.message ?? undefined);
    return this.get(actor, electionId, job.id);
  }

  /** One card as PDF: a chosen voter, or a fictional sample; its QR link is not a valid token. */
  async preview(actor: Actor, electionId: string, options: { readonly voterId?: number; readonly layout?: string }): Promise<Buffer> {
    const election = await this.cardElection(actor, electionId);
    const template = this.template(election, options.layout);
    let record: StoredCardRecord;
    if (options.voterId !== undefined) {
      const found = await this.rollRecords.load(actor, electionId, new Set([options.voterId]));
      if (!found[0]) throw notFound('Der Eintrag im Wählerverzeichnis');
      record = found[0].record;
    } else {
      record = await this.sampleRecord(actor, electionId, template);
    }
    const card: CardRecord = {
      ...record,
      applicationUrl: `${this.config.publicBaseUrl.replace(/\/$/, '')}/b/VORSCHAU-KEIN-GUELTIGER-CODE`,
    };
    const [lot] = splitIntoLots([{ piece: 1, record: card }], 1);
    return renderLotToBuffer(template, compileLayout(template), { jobNumber: 999_999, election, createdAt: new Date() }, lot!.pieces);
  }

  private async sampleRecord(actor: Actor, electionId: string, template: CardTemplate): Promise<StoredCardRecord> {
    const definition = await this.elections.getDefinition(actor, electionId);
    const district = definition.districts.find((d) => d.kind === 'polling');
    const station = district?.kind === 'polling' ? definition.pollingStations.find((s) => s.id === district.pollingStationId) : undefined;
    if (!district || !station) throw new AppError('CARD_POLLING_STATION_MISSING', 'Die Wahl hat keinen Urnenwahlbezirk mit Wahlraum.');
    const street = definition.streets[0];
    return {
      voterNumber: 123,
      familyName: 'Mustermann',
      givenNames: 'Erika',
      nameLines: ['Frau', 'Erika Mustermann'],
      street: street?.name ?? 'Musterstraße',
      houseNumber: '1',
      postalCode: street?.postalCode ?? template.municipality.postalCode,
      town: template.municipality.town,
      district: { number: district.number, name: district.name },
      pollingStation: station,
    };
  }
}
