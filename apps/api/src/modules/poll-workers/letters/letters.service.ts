import { createReadStream } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { LetterRun, RecordReplyBody, StartLetterRunBody } from '@wahl/contracts';
import type { ReadStream } from 'node:fs';
import { APP_CONFIG, type AppConfig } from '../../../platform/config/app-config';
import type { Actor } from '../../../platform/auth/roles';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { defineJob, JobQueue } from '../../../platform/jobs/job-queue';
import { auditActor, AuditService } from '../../audit/audit.service';
import { AccessCodesService } from '../../board-access/access-codes.service';
import { ElectionReadModel } from '../../elections/read-model/election-read-model.service';
import { AssignmentsService } from '../assignments.service';
import { PaymentsService } from '../payments/payments.service';
import { TrainingsService } from '../trainings/trainings.service';
import { renderAppointmentLetters, type LetterSeat } from './appointment-letter.pdf';
import { letterFolder } from './letter-folder';
import { LetterTemplateError, loadLetterTemplate } from './letter-template';
import { LettersRepository, type LetterRunRow, type LetterSeatRow } from './letters.repository';

export const MAKE_LETTERS = defineJob<{ readonly runId: string }>('poll-workers.letters');

/** Progress is stored after every this many letters. */
const PROGRESS_EVERY = 25;

/** The reference printed on the letter and its reply slip: the start of the seat's id. */
export const letterReference = (assignmentId: string): string => assignmentId.slice(0, 8).toUpperCase();

/**
 * Appointment letters (Berufungsschreiben) of an election: a run fixes the seats, a background job
 * issues each member's personal access code (board access), appoints the seat and prints the
 * letters into one PDF; the member's reply confirms or frees the seat.
 */
@Injectable()
export class LettersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(LettersService.name);

  constructor(
    private readonly repository: LettersRepository,
    private readonly contexts: ElectionReadModel,
    private readonly assignments: AssignmentsService,
    private readonly codes: AccessCodesService,
    private readonly trainings: TrainingsService,
    private readonly payments: PaymentsService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work(
      MAKE_LETTERS,
      ({ runId }) => this.make(runId),
      ({ runId }) =>
        this.repository.setRunState(runId, {
          state: 'failed',
          message: 'Der Lauf wurde nach mehreren Versuchen abgebrochen.',
          finished: true,
        }),
    );
  }

  async start(actor: Actor, electionId: string, body: StartLetterRunBody): Promise<LetterRun> {
    const context = await this.contexts.forActor(actor, electionId);
    const unknown = (body.districtIds ?? []).findIndex((id) => !context.districtById.has(id));
    if (unknown >= 0) {
      throw new AppError('VALIDATION_FAILED', 'Ein genannter Wahlbezirk gehört nicht zu dieser Wahl.', [
        { path: `$.districtIds[${unknown}]`, message: 'Unbekannter Wahlbezirk.' },
      ]);
    }
    const runId = await this.repository.transaction(async (tx) => {
      if (!(await this.repository.lockStart(tx, electionId)) || (await this.repository.openRun(tx, electionId))) {
        throw new AppError('PW_LETTER_RUN_BUSY');
      }
      const seats = await this.repository.seatsNeedingLetters(tx, electionId, body.districtIds ?? null, body.reissue);
      if (seats.length === 0) throw new AppError('PW_NO_LETTERS');
      return this.repository.insertRun(tx, {
        electionId,
        assignmentIds: seats,
        startedBy: { id: actor.userId, name: actor.username, role: actor.role },
      });
    });
    await this.jobs.send(MAKE_LETTERS, { runId }, runId);
    return this.view((await this.repository.run(electionId, runId))!);
  }

  async runs(actor: Actor, electionId: string): Promise<LetterRun[]> {
    await this.contexts.forActor(actor, electionId);
    return (await this.repository.latestRuns(electionId)).map((run) => this.view(run));
  }

  async run(actor: Actor, electionId: string, runId: string): Promise<LetterRun> {
    await this.contexts.forActor(actor, electionId);
    const run = await this.repository.run(electionId, runId);
    if (!run) throw notFound('Der Lauf');
    return this.view(run);
  }

  async pdf(actor: Actor, electionId: string, runId: string): Promise<{ stream: ReadStream; fileName: string }> {
    await this.contexts.forActor(actor, electionId);
    const run = await this.repository.run(electionId, runId);
    if (!run || run.state !== 'succeeded' || !run.fileName) throw notFound('Das PDF der Berufungsschreiben');
    return { stream: createReadStream(join(this.folder, run.fileName)), fileName: run.fileName };
  }

  /** The member's reply: the same state change as on the boards screen, stored on the letter as well. */
  async recordReply(
    actor: Actor,
    electionId: string,
    assignmentId: string,
    body: RecordReplyBody,
  ): Promise<{ assignmentId: string; state: string }> {
    const at = new Date();
    const change = { state: body.reply, refusalGround: body.reply === 'refused' ? body.refusalGround : null, note: body.note };
    await this.assignments.changeState(actor, electionId, assignmentId, change, async (tx, previous) => {
      const letter = await this.repository.letterOf(tx, electionId, assignmentId);
      // A refused seat may already have a substitute: it is not reopened here.
      if (!letter?.hasLetter || !['appointed', 'confirmed'].includes(previous.state)) throw new AppError('PW_REPLY_NOT_POSSIBLE');
      await this.repository.recordReply(tx, assignmentId, body.reply, body.note, at);
      await this.audit.record(tx, electionId, [
        {
          at: at.toISOString(),
          actor: auditActor(actor),
          action: `poll-workers.letter-${body.reply}`,
          districtId: null,
          version: null,
          oldValue: { state: previous.state },
          // The seat and the ground only: no name, no reason text (personal data stay in their tables).
          newValue: { assignmentId, state: body.reply, refusalGround: change.refusalGround },
          reason: null,
        },
      ]);
    });
    this.audit.scheduleSeal(electionId);
    return { assignmentId, state: body.reply };
  }

  private get folder(): string {
    return letterFolder(this.config.dataDir);
  }

  private view(run: LetterRunRow): LetterRun {
    return {
      id: run.id,
      electionId: run.electionId,
      state: run.state,
      letters: run.assignmentIds.length,
      done: run.done,
      createdAt: run.createdAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      message: run.message,
      pdfUrl: run.state === 'succeeded' ? `/api/elections/${run.electionId}/poll-workers/letter-runs/${run.id}/pdf` : null,
    };
  }

  /**
   * The job: issue the codes and appoint the seats in one transaction, then print. A run that dies
   * after the commit is taken up again and issues fresh codes (the unprinted ones are revoked).
   */
  private async make(runId: string): Promise<void> {
    const run = await this.repository.run(null, runId);
    if (!run || run.state === 'succeeded' || run.state === 'failed') return;
    await this.repository.setRunState(runId, { state: 'running', done: 0 });
    try {
      const template = loadLetterTemplate(this.config.templatesDir);
      const context = await this.contexts.load(run.electionId);
      if (!context) throw new Error('election gone');
      const [rates, trainings] = await Promise.all([this.payments.rates(run.electionId), this.trainings.trainingsByPerson(run.electionId)]);
      const createdAt = new Date();
      const issued = await this.repository.transaction(async (tx) => {
        const seats = await this.repository.seatsOfRun(tx, run);
        const codes = await this.codes.issuePersonalCodes(tx, {
          electionId: run.electionId,
          officeId: context.officeId,
          by: run.startedBy,
          districtIds: seats.map((seat) => seat.districtId),
          revoke: seats.flatMap((seat) => (seat.previousCodeId ? [seat.previousCodeId] : [])),
        });
        const letters = seats.map((seat, index) => ({ assignmentId: seat.assignmentId, codeId: codes[index]!.id }));
        await this.repository.recordLetters(tx, runId, run.electionId, letters, createdAt);
        return seats.map((seat, index) => ({ seat, code: codes[index]! }));
      });
      this.audit.scheduleSeal(run.electionId);
      const order = new Map(context.districts.map((district, index) => [district.id, index]));
      issued.sort((a, b) => order.get(a.seat.districtId)! - order.get(b.seat.districtId)! || byName(a.seat, b.seat));
      const seats = issued.map(({ seat, code }): LetterSeat => {
        const district = context.districtById.get(seat.districtId)!;
        const training = trainings.get(seat.personId);
        return {
          reference: letterReference(seat.assignmentId),
          person: seat,
          function: seat.function,
          district: { number: district.number, name: district.name, station: district.pollingStation },
          training: training
            ? { startsAt: training.startsAt, endsAt: training.endsAt, place: training.place, address: training.address }
            : null,
          amountCents: rates[seat.function],
          code: code.code,
          signInUrl: code.signInUrl,
        };
      });
      const batch = {
        electionName: context.name,
        electionDay: context.electionDay,
        letterDay: createdAt.toISOString().slice(0, 10),
        createdAt,
        seats,
      };
      const pdf = await renderAppointmentLetters(template, batch, (done) => {
        if (done % PROGRESS_EVERY === 0) void this.repository.setDone(runId, done);
      });
      const fileName = `berufungsschreiben-${context.electionDay}-${runId.slice(0, 8)}.pdf`;
      await mkdir(this.folder, { recursive: true, mode: 0o700 });
      await writeFile(join(this.folder, `${fileName}.partial`), pdf, { mode: 0o600 });
      await rename(join(this.folder, `${fileName}.partial`), join(this.folder, fileName));
      await this.repository.setRunState(runId, { state: 'succeeded', done: seats.length, fileName, finished: true });
    } catch (error) {
      this.logger.error(`letter run ${runId} failed: ${error instanceof Error ? error.name : 'unknown'}`);
      await this.repository.setRunState(runId, {
        state: 'failed',
        message:
          error instanceof LetterTemplateError
            ? `Die Vorlage der Berufungsschreiben ist fehlerhaft: ${error.message}`
            : 'Die Berufungsschreiben konnten nicht erstellt werden. Bitte starten Sie den Lauf neu.',
        finished: true,
      });
    }
  }
}

const byName = (a: LetterSeatRow, b: LetterSeatRow): number =>
  a.familyName.localeCompare(b.familyName, 'de') || a.givenNames.localeCompare(b.givenNames, 'de');
