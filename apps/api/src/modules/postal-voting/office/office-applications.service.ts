import { Injectable } from '@nestjs/common';
import type {
  PostalApplication,
  PostalApplicationPage,
  PostalPaperApplicationRequest,
  PostalRepeatNotice,
  PostalRepeatNoticePage,
} from '@wahl/contracts';
import { applicationTiming, germanDeadline, transitionApplication } from '@wahl/domain';
import type { Actor } from '../../../platform/auth/roles';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { RollService } from '../../roll/roll.service';
import { ApplicationIntakeService } from '../shared/application-intake.service';
import { ApplicationsRepository, type ApplicationFilter, type ApplicationRow } from '../shared/applications.repository';
import { Database } from '../../../platform/database/database';
import { PostalElectionService, type PostalElection } from '../shared/postal-election.service';
import { RepeatNoticesRepository } from '../shared/repeat-notices.repository';
import { applicationView, repeatNoticeView } from './office-views';

const APPLICATION = 'Der Antrag';
const NOTICE = 'Die Benachrichtigung';

/** Who did it: a clerk's user name (the CLI and system calls have no user id). */
export const usernameOf = (actor: Actor): string => actor.username;

/** The office's side of applications: the work queue, paper applications entered by clerks, rejections. */
@Injectable()
export class OfficeApplicationsService {
  constructor(
    private readonly db: Database,
    private readonly elections: PostalElectionService,
    private readonly roll: RollService,
    private readonly applications: ApplicationsRepository,
    private readonly intake: ApplicationIntakeService,
    private readonly notices: RepeatNoticesRepository,
  ) {}

  async list(actor: Actor, electionId: string, filter: ApplicationFilter): Promise<PostalApplicationPage> {
    const election = await this.elections.forActor(actor, electionId);
    const { total, rows } = await this.applications.list(election.id, filter);
    return { total, items: await this.views(election, rows) };
  }

  async get(actor: Actor, electionId: string, applicationId: string): Promise<PostalApplication> {
    const election = await this.elections.forActor(actor, electionId);
    const row = await this.applications.byId(this.db, election.id, applicationId);
    if (!row) throw notFound(APPLICATION);
    return (await this.views(election, [row]))[0]!;
  }

  /**
   * A written or in-person application (BWO § 27(1)), for a voter the clerk found in the roll. It
   * counts from the day it reached the office; after the deadline only on proven sudden illness, until
   * election day 15:00 (BWO § 27(4) S. 3).
   */
  async enterPaper(
    actor: Actor,
    electionId: string,
    body: PostalPaperApplicationRequest,
    now: Date = new Date(),
  ): Promise<PostalApplication> {
    const election = await this.elections.forActor(actor, electionId);
    const receivedAt = body.receivedAt ? new Date(body.receivedAt) : now;
    const suddenIllness = body.suddenIllness ?? false;
    const timing = applicationTiming(election.times, { receivedAt, suddenIllness }, now);
    if (timing === 'received-in-future') {
      throw new AppError('VALIDATION_FAILED', 'Der Eingang liegt in der Zukunft.', [
        { path: '$.receivedAt', message: 'Eingangsdatum liegt in der Zukunft.' },
      ]);
    }
    if (timing === 'deadline-passed') {
      throw new AppError(
        'POSTAL_DEADLINE_PASSED',
        `Der Antrag ist nach Ablauf der Frist (${germanDeadline(election.times.closesAt)}) eingegangen. Danach nur noch bei nachgewiesener plötzlicher Erkrankung (suddenIllness), bis zum Wahltag 15:00 Uhr.`,
        [{ path: '$.receivedAt', code: 'deadline-passed', message: 'Antragsfrist abgelaufen.' }],
      );
    }
    if (timing === 'sudden-illness-deadline-passed') {
      throw new AppError(
        'POSTAL_DEADLINE_PASSED',
        `Auch bei plötzlicher Erkrankung endet die Antragsfrist am ${germanDeadline(election.times.suddenIllnessClosesAt)}.`,
        [{ path: '$.receivedAt', code: 'deadline-passed', message: 'Antragsfrist abgelaufen.' }],
      );
    }
    const [entry] = await this.roll.entriesOf(election.id, [body.voterId]);
    if (!entry) throw notFound('Der Eintrag im Wählerverzeichnis');
    const created = await this.intake.create({
      election,
      entry,
      channel: 'paper',
      receivedAt,
      enteredBy: usernameOf(actor),
      delivery: body.delivery,
      representative: body.representative,
      suddenIllness,
      note: body.note ?? null,
    });
    return this.get(actor, election.id, created.id);
  }

  async reject(actor: Actor, electionId: string, applicationId: string, reason: string): Promise<PostalApplication> {
    const election = await this.elections.forActor(actor, electionId);
    await this.db.transaction(async (tx) => {
      const [row] = await this.applications.lock(tx, election.id, [applicationId]);
      if (!row) throw notFound(APPLICATION);
      const next = transitionApplication(row.state, { kind: 'reject', reason });
      if (!next.ok) throw new AppError('POSTAL_APPLICATION_STATE_CONFLICT', next.error.message);
      await this.applications.decide(tx, [row.id], next.value, usernameOf(actor), reason);
    });
    return this.get(actor, election.id, applicationId);
  }

  async authorityDocument(
    actor: Actor,
    electionId: string,
    applicationId: string,
  ): Promise<{ fileName: string; contentType: string; content: Buffer }> {
    const election = await this.elections.forActor(actor, electionId);
    const document = await this.applications.document(election.id, applicationId);
    if (!document) throw notFound('Die Vollmacht');
    return { fileName: document.file_name, contentType: document.content_type, content: document.content };
  }

  /** Voters to be told of a repeated application by name (issue #17, 7), open ones by default, oldest first. */
  async repeatNotices(
    actor: Actor,
    electionId: string,
    filter: { readonly open: boolean; readonly limit: number; readonly offset: number },
  ): Promise<PostalRepeatNoticePage> {
    const election = await this.elections.forActor(actor, electionId);
    const { total, rows } = await this.notices.list(election.id, filter);
    const entries = new Map(
      (
        await this.roll.entriesOf(
          election.id,
          rows.map((r) => r.voter_id),
        )
      ).map((e) => [e.voter_id, e]),
    );
    const districts = await this.elections.districts(election);
    return { total, items: rows.map((row) => repeatNoticeView(row, entries.get(row.voter_id), districts)) };
  }

  /** The voter was told (letter or e-mail sent); the notice leaves the open queue. */
  async markRepeatNoticeDone(actor: Actor, electionId: string, noticeId: string): Promise<PostalRepeatNotice> {
    const election = await this.elections.forActor(actor, electionId);
    if (!(await this.notices.markNotified(election.id, noticeId, usernameOf(actor)))) throw notFound(NOTICE);
    const row = await this.notices.byId(election.id, noticeId);
    if (!row) throw notFound(NOTICE);
    const [entry] = await this.roll.entriesOf(election.id, [row.voter_id]);
    return repeatNoticeView(row, entry, await this.elections.districts(election));
  }

  private async views(election: PostalElection, rows: readonly ApplicationRow[]): Promise<PostalApplication[]> {
    const entries = new Map(
      (
        await this.roll.entriesOf(
          election.id,
          rows.map((r) => r.voter_id),
        )
      ).map((e) => [e.voter_id, e]),
    );
    const districts = await this.elections.districts(election);
    return rows.map((row) => applicationView(row, entries.get(row.voter_id), districts));
  }
}
