import { Injectable } from '@nestjs/common';
import {
  postalApplicationTimes,
  type ElectionDeadlines,
  type ElectionKind,
  type Municipality,
  type PostalApplicationTimes,
} from '@wahl/domain';
import type { Actor } from '../../../platform/auth/roles';
import { notFound } from '../../../platform/errors/app-error';
import type { ElectionNightContext } from '../../elections/read-model/election-night-context';
import { ElectionReadModel } from '../../elections/read-model/election-read-model.service';
import { PostalElectionsRepository } from './postal-elections.repository';

/** What postal voting needs of an election. */
export type PostalElection = {
  readonly id: string;
  readonly officeId: string;
  readonly kind: ElectionKind;
  readonly name: string;
  readonly electionDay: string;
  readonly municipalityName: string;
  readonly contact: Municipality['contact'] | null;
  readonly constituency: { readonly number: string; readonly name: string } | null;
  readonly deadlines: ElectionDeadlines;
  /** BWO § 27(4): closing times of applications, issuing and replacements. */
  readonly times: PostalApplicationTimes;
};

/** A polling district with what the certificate prints about it. */
export type PostalDistrict = {
  readonly id: string;
  readonly number: string;
  readonly name: string;
  readonly postalDistrict: string | null;
};

/**
 * Elections as postal voting sees them: from the election read model (one cache for the whole
 * API; the public pages read the same election many times a second on the day the cards arrive),
 * with the tenancy check here.
 */
@Injectable()
export class PostalElectionService {
  constructor(
    private readonly elections: ElectionReadModel,
    private readonly repository: PostalElectionsRepository,
  ) {}

  /** The election of the actor's office, else NOT_FOUND (ids of other offices cannot be probed). */
  async forActor(actor: Actor, electionId: string): Promise<PostalElection> {
    if (!actor.officeId) throw notFound('Die Wahl');
    const election = await this.elections.load(electionId);
    if (!election || election.officeId !== actor.officeId) throw notFound('Die Wahl');
    return toPostalElection(election);
  }

  /** For the public pages: the election, or null when there is none with this id. */
  async forPublic(electionId: string): Promise<PostalElection | null> {
    const election = await this.elections.load(electionId);
    return election ? toPostalElection(election) : null;
  }

  /** Polling districts by id, with the postal district they belong to (printed on the certificate). */
  async districts(election: PostalElection): Promise<Map<string, PostalDistrict>> {
    const loaded = await this.elections.load(election.id);
    if (!loaded) throw notFound('Die Wahl');
    const polling = loaded.districts.filter((d) => d.kind === 'polling');
    return new Map(
      polling.map((d) => [
        d.id,
        {
          id: d.id,
          number: d.number,
          name: d.name,
          postalDistrict: d.postalDistrictId ? (loaded.districtById.get(d.postalDistrictId)?.number ?? null) : null,
        },
      ]),
    );
  }

  /** Elections whose roll is built and whose election day has not passed: offered on the page without a code. */
  async openElections(): Promise<PostalElection[]> {
    const ids = await this.repository.openElectionIds();
    const elections = await Promise.all(ids.map((id) => this.forPublic(id)));
    return elections.filter((e): e is PostalElection => e !== null);
  }
}

function toPostalElection(election: ElectionNightContext): PostalElection {
  return {
    id: election.electionId,
    officeId: election.officeId,
    kind: election.kind,
    name: election.name,
    electionDay: election.electionDay,
    municipalityName: election.municipality.name,
    contact: election.contact ?? null,
    constituency: election.constituency,
    deadlines: election.deadlines,
    times: postalApplicationTimes({
      electionDay: election.electionDay,
      postalApplicationDeadline: election.deadlines.postalApplicationDeadline,
    }),
  };
}
