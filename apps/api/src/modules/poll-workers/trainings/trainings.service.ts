import { Injectable } from '@nestjs/common';
import type { CreateTrainingBody, InviteToTrainingBody, Training, TrainingDetail } from '@wahl/contracts';
import type { Actor } from '../../../platform/auth/roles';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { ElectionReadModel } from '../../elections/read-model/election-read-model.service';
import { TrainingsRepository, type TrainingRow } from './trainings.repository';

const TRAINING = 'Die Schulung';

export const trainingView = (row: TrainingRow): Training => ({
  id: row.id,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  place: row.place,
  address: row.address,
  capacity: row.capacity,
  invited: row.invited,
  attended: row.attended,
});

/** Trainings of the board members (R7.20): sessions, invitations within capacity, attendance. */
@Injectable()
export class TrainingsService {
  constructor(
    private readonly repository: TrainingsRepository,
    private readonly contexts: ElectionReadModel,
  ) {}

  async list(actor: Actor, electionId: string): Promise<Training[]> {
    await this.contexts.forActor(actor, electionId);
    return (await this.repository.list(electionId)).map(trainingView);
  }

  async create(actor: Actor, electionId: string, body: CreateTrainingBody): Promise<Training> {
    await this.contexts.forActor(actor, electionId);
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(startsAt.getTime() + body.durationMinutes * 60_000);
    const id = await this.repository.create(electionId, {
      startsAt,
      endsAt,
      place: body.place,
      address: body.address,
      capacity: body.capacity,
    });
    return trainingView((await this.repository.one(this.repository.database, electionId, id))!);
  }

  async detail(actor: Actor, electionId: string, trainingId: string): Promise<TrainingDetail> {
    const context = await this.contexts.forActor(actor, electionId);
    const training = await this.repository.one(this.repository.database, electionId, trainingId);
    if (!training) throw notFound(TRAINING);
    const participants = (await this.repository.participants(electionId, trainingId)).sort(
      (a, b) => a.familyName.localeCompare(b.familyName, 'de') || a.givenNames.localeCompare(b.givenNames, 'de'),
    );
    return {
      training: trainingView(training),
      participants: participants.map((row) => ({
        personId: row.personId,
        name: `${row.familyName}, ${row.givenNames}`,
        districtNumber: row.districtId ? (context.districtById.get(row.districtId)?.number ?? null) : null,
        attended: row.attended,
      })),
    };
  }

  /** Invites people of the election's pool; refused as a whole when the places do not suffice. */
  async invite(actor: Actor, electionId: string, trainingId: string, body: InviteToTrainingBody): Promise<TrainingDetail> {
    await this.contexts.forActor(actor, electionId);
    const personIds = [...new Set(body.personIds)];
    await this.repository.transaction(async (tx) => {
      await this.repository.lockElection(tx, electionId);
      const training = await this.repository.one(tx, electionId, trainingId);
      if (!training) throw notFound(TRAINING);
      const inPool = new Set(await this.repository.poolMembers(tx, electionId, personIds));
      const outside = personIds.findIndex((id) => !inPool.has(id));
      if (outside >= 0) {
        throw new AppError('VALIDATION_FAILED', 'Eine ausgewählte Person gehört nicht zum Helferkreis dieser Wahl.', [
          { path: `$.personIds[${outside}]`, message: 'Diese Person ist für diese Wahl nicht erfasst.' },
        ]);
      }
      const added = await this.repository.countNew(tx, trainingId, personIds);
      if (training.invited + added > training.capacity) throw new AppError('PW_TRAINING_FULL');
      await this.repository.invite(tx, electionId, trainingId, personIds);
    });
    return this.detail(actor, electionId, trainingId);
  }

  /** Each invited person's session in this election (for the appointment letters); no caller check: the caller did it. */
  trainingsByPerson(electionId: string): Promise<Map<string, TrainingRow>> {
    return this.repository.trainingsByPerson(electionId);
  }

  async setAttendance(actor: Actor, electionId: string, trainingId: string, personId: string, attended: boolean): Promise<TrainingDetail> {
    await this.contexts.forActor(actor, electionId);
    if (!(await this.repository.setAttendance(electionId, trainingId, personId, attended))) throw notFound('Die Einladung');
    return this.detail(actor, electionId, trainingId);
  }
}
