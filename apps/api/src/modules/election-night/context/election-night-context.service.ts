import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../../platform/auth/roles';
import { AppError, notFound } from '../../../platform/errors/app-error';
import { ContestListEntity } from '../../elections/entities/contest-list.entity';
import { ContestEntity } from '../../elections/entities/contest.entity';
import { DistrictEntity } from '../../elections/entities/district.entity';
import { ElectionEntity } from '../../elections/entities/election.entity';
import { PollingStationEntity } from '../../elections/entities/polling-station.entity';
import { PreviousResultEntity } from '../../elections/entities/previous-result.entity';
import { buildElectionNightContext, type ElectionNightContext, type NightDistrict } from './election-night-context';

const ELECTION = 'Die Wahl';
const DISTRICT = 'Der Wahlbezirk';

/**
 * Loads an election's districts, contests and previous results once per process and keeps them:
 * every report is checked against them, so reading them per request would dominate the cost.
 * Election definitions are imported as a whole and do not change on election night.
 */
@Injectable()
export class ElectionNightContextService {
  private readonly cache = new Map<string, Promise<ElectionNightContext | null>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  load(electionId: string): Promise<ElectionNightContext | null> {
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
    const manager = this.dataSource.manager;
    const election = await manager.findOneBy(ElectionEntity, { id: electionId });
    if (!election) return null;
    const where = { electionId };
    const order = { ordinal: 'ASC' } as const;
    const [districts, stations, contests, lists, previousResults] = await Promise.all([
      manager.find(DistrictEntity, { where, order }),
      manager.find(PollingStationEntity, { where, order }),
      manager.find(ContestEntity, { where, order }),
      manager.find(ContestListEntity, { where, order }),
      manager.find(PreviousResultEntity, { where, order }),
    ]);
    // Every district gets its state row up front; reports then only lock and update it.
    await manager.query(
      `INSERT INTO election_night_districts (district_id, election_id)
       SELECT id, election_id FROM districts WHERE election_id = $1
       ON CONFLICT (district_id) DO NOTHING`,
      [electionId],
    );
    return buildElectionNightContext({ election, districts, stations, contests, lists, previousResults });
  }
}
