import { Injectable } from '@nestjs/common';
import { isUuid } from '@wahl/contracts';
import { germanCalendarDay, type ElectionKind, type IsoDate, type Street } from '@wahl/domain';
import type { Actor } from '../../../platform/auth/roles';
import { notFound } from '../../../platform/errors/app-error';
import { ElectionReadModel } from '../../elections/read-model/election-read-model.service';
import { ElectionsService } from '../../elections/elections.service';

/** What the roll needs to know of an election. */
export type RollElection = {
  readonly id: string;
  readonly officeId: string;
  readonly name: string;
  readonly kind: ElectionKind;
  readonly electionDay: IsoDate;
  /** Stichtag (R1.7/R1.8) with the election's own override applied (R0.1). */
  readonly cutoffDay: IsoDate;
  readonly municipalityName: string;
  /** R1.21: the roll may be closed from this day on (with the election's override applied). */
  readonly closingEarliest: IsoDate;
};

export type RollDistrict = {
  readonly id: string;
  readonly number: string;
  readonly name: string;
  readonly ordinal: number;
};

/** Who did it, for job and audit rows; the CLI acts without a user account. */
export const actorRef = (actor: Actor): { userId: string | null; username: string } => ({
  userId: isUuid(actor.userId) ? actor.userId : null,
  username: actor.username,
});

/** Today in Germany (the roll's days are German calendar days). */
export function todayInGermany(now: Date = new Date()): IsoDate {
  return germanCalendarDay(now);
}

/** The election as the roll sees it: from the election read model (one cache), with the tenant check here. */
@Injectable()
export class RollElectionService {
  constructor(
    private readonly elections: ElectionsService,
    private readonly readModel: ElectionReadModel,
  ) {}

  /** NOT_FOUND unless the election belongs to the actor's office. */
  async forActor(actor: Actor, electionId: string): Promise<RollElection> {
    if (!actor.officeId) throw notFound('Die Wahl');
    const election = await this.readModel.load(electionId);
    if (!election || election.officeId !== actor.officeId) throw notFound('Die Wahl');
    return {
      id: election.electionId,
      officeId: election.officeId,
      name: election.name,
      kind: election.kind,
      electionDay: election.electionDay,
      cutoffDay: election.deadlines.rollCutoffDay,
      municipalityName: election.municipality.name,
      closingEarliest: election.deadlines.rollClosingEarliest,
    };
  }

  /** The street directory (R2.4), indexed by the import pass (in each of its threads). */
  async streetDirectory(actor: Actor, electionId: string): Promise<readonly Street[]> {
    return (await this.elections.getDefinition(actor, electionId)).streets;
  }

  /** The office an election belongs to, for callers without a signed-in user (CLI, other modules). */
  async officeOf(electionId: string): Promise<string> {
    const election = await this.readModel.load(electionId);
    if (!election) throw notFound('Die Wahl');
    return election.officeId;
  }

  /** An actor standing for the office itself (CLI, demo seed, calls from other modules). */
  async systemActor(electionId: string, username: string): Promise<Actor> {
    return { userId: username, username, role: 'office-admin', officeId: await this.officeOf(electionId) };
  }

  /** The election's polling districts (Urnenwahlbezirke): the roll has one part per district (R1.11). */
  async pollingDistricts(electionId: string): Promise<RollDistrict[]> {
    const election = await this.readModel.load(electionId);
    return (election?.districts ?? [])
      .filter((district) => district.kind === 'polling')
      .map(({ id, number, name, ordinal }) => ({ id, number, name, ordinal }));
  }

  async pollingDistrict(electionId: string, districtId: string): Promise<RollDistrict> {
    if (!isUuid(districtId)) throw notFound('Der Wahlbezirk');
    const district = (await this.pollingDistricts(electionId)).find((d) => d.id === districtId);
    if (!district) throw notFound('Der Wahlbezirk');
    return district;
  }

  /** After the Stichtag a built roll is frozen: changes only through proposals (R1.20). */
  isFrozen(election: RollElection, now: Date = new Date()): boolean {
    return todayInGermany(now) > election.cutoffDay;
  }
}
