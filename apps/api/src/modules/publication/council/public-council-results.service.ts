import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { PublicCouncilResults } from '@wahl/contracts';
import { councilReleaseKey, planCouncilRelease, type ReleaseEntry } from '@wahl/domain';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { CouncilResultDeclared } from '../../council-count/council-count.events';
import { CouncilCountService } from '../../council-count/council-count.service';
import { toPublicResult } from '../../council-count/dtos/council-result.dto';
import { PublisherService } from '../publisher/publisher.service';

// The public page may be polled by many; a result a second or two old is fine while counting goes on.
const PUBLIC_CACHE_MS = 2_000;

type Cached<T> = { readonly expires: number; readonly value: Promise<T> };

/** The public council results (issue 7): seats, elected candidates and aggregate counts only (R8.5), versions as R8.7 allows. */
@Injectable()
export class PublicCouncilResultsService {
  private readonly cache = new Map<string, Cached<PublicCouncilResults>>();

  constructor(
    private readonly councilCount: CouncilCountService,
    private readonly publisher: PublisherService,
  ) {}

  /** Anyone: every council contest of the election, final or clearly marked provisional; aggregates only. */
  async result(electionId: string): Promise<PublicCouncilResults> {
    const now = Date.now();
    const cached = this.cache.get(electionId);
    if (cached && cached.expires > now) return cached.value;
    const value = this.load(electionId);
    this.cache.set(electionId, { expires: now + PUBLIC_CACHE_MS, value });
    value.catch(() => this.cache.delete(electionId));
    return value;
  }

  @OnEvent(CouncilResultDeclared.event)
  onDeclared({ electionId }: CouncilResultDeclared): void {
    this.cache.delete(electionId);
  }

  // R8.7: each contest's total is a release of its batches, decided and logged with the district results.
  private async load(electionId: string): Promise<PublicCouncilResults> {
    const tallies = await this.publisher.releaseWithLog(electionId, async (log) => {
      const entries: ReleaseEntry[] = [];
      const result = await this.councilCount.tallies(electionId, ({ contestKey, batches, final }) => {
        const release = planCouncilRelease(log, { key: councilReleaseKey(contestKey), batches, final });
        if (release.entry) entries.push(release.entry);
        return release.members;
      });
      return { result, entries };
    });
    if (tallies === null) throw notFound('Die Wahl');
    if (tallies.results.length === 0) throw new AppError('NOT_FOUND', 'Diese Wahl hat keinen Gemeinderats-Stimmzettel.');
    return { electionId, electionName: tallies.electionName, contests: tallies.results.map(toPublicResult) };
  }
}
