import { Injectable } from '@nestjs/common';
import { isUuid } from '@wahl/contracts';
import type { Actor } from '../../../platform/auth/roles';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { buildElectionNightContext, type ElectionNightContext, type NightDistrict } from './election-night-context';
import { ElectionReadModelRepository } from './election-read-model.repository';

const ELECTION = 'Die Wahl';
const DISTRICT = 'Der Wahlbezirk';

/**
 * The one election read model of the process: an election's districts, contests, lists and previous
 * results, loaded once and kept (one cache, one invalidation: `forget`). Quick reports check every
 * report against it, the totals and the public results are built along its tree, so reading it per
 * request would dominate their cost. Election definitions are imported as a whole and do not change
 * on election night; replacing the previous results calls `forget`.
 */
@Injectable()
export class ElectionReadModel {
  private readonly cache = new Map<string, Promise<ElectionNightContext | null>>();

  constructor(private readonly repository: ElectionReadModelRepository) {}

  /** The election if the caller may see it: its own office's staff, or a board member signed in for it. */
  async forActor(actor: Actor, electionId: string): Promise<ElectionNightContext> {
    const context = await this.load(electionId);
    if (!context || actor.officeId !== context.officeId) throw notFound(ELECTION);
    if (actor.role === 'board-member' && actor.electionId !== undefined && actor.electionId !== electionId) throw notFound(ELECTION);
    return context;
  }

  /** A district of the election the caller may report for: office staff any, a board member only their own. */
  async districtForActor(
    actor: Actor,
    electionId: string,
    districtId: string,
  ): Promise<{ context: ElectionNightContext; district: NightDistrict }> {
    const context = await this.forActor(actor, electionId);
    const district = context.districtById.get(districtId);
    if (!district) throw notFound(DISTRICT);
    if (actor.role === 'board-member' && !(actor.districtIds ?? []).includes(districtId)) {
      throw new AppError(
        'FORBIDDEN',
        `Sie sind nicht für Wahlbezirk ${district.number} angemeldet, sondern nur für Ihre eigenen Wahlbezirke.`,
      );
    }
    return { context, district };
  }

  /** Drops the cached election, e.g. after its previous results were replaced; the next use reads it again. */
  forget(electionId: string): void {
    this.cache.delete(electionId);
  }

  /** The election, or null if there is none with this id (no tenancy check: for callers that check it themselves). */
  load(electionId: string): Promise<ElectionNightContext | null> {
    // Ids come from the public too: a malformed one is no election (and never reaches the database).
    if (!isUuid(electionId)) return Promise.resolve(null);
    let loading = this.cache.get(electionId);
    if (!loading) {
      loading = this.read(electionId);
      this.cache.set(electionId, loading);
      // A failed or empty read is not cached: the election may be imported a moment later.
      loading.then(
        (context) => context ?? this.cache.delete(electionId),
        () => this.cache.delete(electionId),
      );
    }
    return loading;
  }

  private async read(electionId: string): Promise<ElectionNightContext | null> {
    const source = await this.repository.source(electionId);
    return source ? buildElectionNightContext(source) : null;
  }
}
