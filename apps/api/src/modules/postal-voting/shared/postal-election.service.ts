import { Injectable } from '@nestjs/common';
import { isUuid } from '@wahl/contracts';
import {
  postalApplicationTimes,
  type ElectionDefinition,
  type ElectionDeadlines,
  type ElectionKind,
  type Municipality,
  type PostalApplicationTimes,
} from '@wahl/domain';
import type { Actor } from '../../../platform/auth/roles';
import { notFound } from '../../../platform/errors/app-error';
import { ElectionsService } from '../../elections/elections.service';
import { RollService } from '../../roll/roll.service';
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

const CACHE_MS = 30_000;

type Cached<T> = { readonly at: number; readonly value: Promise<T> };

/**
 * Elections as postal voting sees them, always read through the elections module (tenancy) and the
 * roll (districts). The public pages read the same election many times a second on the day the
 * cards arrive: kept for 30 seconds.
 */
@Injectable()
export class PostalElectionService {
  private readonly elections = new Map<string, Cached<PostalElection | null>>();
  private readonly definitions = new Map<string, Cached<{ definition: ElectionDefinition; districts: PostalDistrict[] }>>();

  constructor(
    private readonly electionsService: ElectionsService,
    private readonly roll: RollService,
    private readonly repository: PostalElectionsRepository,
  ) {}

  /** The election of the actor's office, else NOT_FOUND (ids of other offices cannot be probed). */
  async forActor(actor: Actor, electionId: string): Promise<PostalElection> {
    if (!actor.officeId) throw notFound('Die Wahl');
    return this.toPostalElection(
      await this.electionsService.getForOffice(actor, electionId),
      await this.definitionOf(electionId, actor.officeId),
    );
  }

  /** For the public pages: the election, or null when there is none with this id. */
  forPublic(electionId: string): Promise<PostalElection | null> {
    return this.cached(this.elections, electionId, async () => {
      const officeId = await this.officeOf(electionId);
      if (!officeId) return null;
      const summary = await this.electionsService.getForOffice(systemActor(officeId), electionId);
      return this.toPostalElection(summary, await this.definitionOf(electionId, officeId));
    });
  }

  /** Polling districts by id, with the postal district they belong to (printed on the certificate). */
  async districts(election: PostalElection): Promise<Map<string, PostalDistrict>> {
    const { districts } = await this.loadDefinition(election.id, election.officeId);
    return new Map(districts.map((d) => [d.id, d]));
  }

  /** Elections whose roll is built and whose election day has not passed: offered on the page without a code. */
  async openElections(): Promise<PostalElection[]> {
    const ids = await this.repository.openElectionIds();
    const elections = await Promise.all(ids.map((id) => this.forPublic(id)));
    return elections.filter((e): e is PostalElection => e !== null);
  }

  private async definitionOf(electionId: string, officeId: string): Promise<ElectionDefinition> {
    return (await this.loadDefinition(electionId, officeId)).definition;
  }

  private loadDefinition(electionId: string, officeId: string) {
    return this.cached(this.definitions, electionId, async () => {
      const definition = await this.electionsService.getDefinition(systemActor(officeId), electionId);
      const byNumber = new Map(definition.districts.map((d) => [d.number, d]));
      const districts = (await this.roll.districts(electionId)).map((d) => {
        const defined = byNumber.get(d.number);
        return {
          id: d.id,
          number: d.number,
          name: d.name,
          postalDistrict: defined?.kind === 'polling' ? (defined.postalDistrict ?? null) : null,
        };
      });
      return { definition, districts };
    });
  }

  private toPostalElection(summary: Awaited<ReturnType<ElectionsService['getForOffice']>>, definition: ElectionDefinition): PostalElection {
    return {
      id: summary.id,
      officeId: summary.officeId,
      kind: summary.kind,
      name: summary.name,
      electionDay: summary.electionDay,
      municipalityName: summary.municipality.name,
      contact: definition.municipality.contact ?? null,
      constituency: summary.constituency,
      deadlines: summary.deadlines,
      times: postalApplicationTimes({
        electionDay: summary.electionDay,
        postalApplicationDeadline: summary.deadlines.postalApplicationDeadline,
      }),
    };
  }

  private async officeOf(electionId: string): Promise<string | null> {
    if (!isUuid(electionId)) return null;
    return this.repository.officeOf(electionId);
  }

  private cached<T>(cache: Map<string, Cached<T>>, key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
    const value = load();
    cache.set(key, { at: Date.now(), value });
    // A failed load and an unknown id are not kept (ids come from the public, the map must not grow).
    value.then((loaded) => loaded === null && cache.delete(key)).catch(() => cache.delete(key));
    return value;
  }
}

/** The office itself, for reads without a signed-in user (public pages); never leaves this service. */
const systemActor = (officeId: string): Actor => ({ userId: 'postal-voting', username: 'postal-voting', role: 'office-admin', officeId });
