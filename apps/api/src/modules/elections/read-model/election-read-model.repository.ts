import { Injectable } from '@nestjs/common';
import { Database } from '../../../platform/database/database';
import { AreaEntity } from '../entities/area.entity';
import { CandidateEntity } from '../entities/candidate.entity';
import { ContestListEntity } from '../entities/contest-list.entity';
import { ContestEntity } from '../entities/contest.entity';
import { DistrictEntity } from '../entities/district.entity';
import { ElectionEntity } from '../entities/election.entity';
import { PollingStationEntity } from '../entities/polling-station.entity';
import { PreviousResultEntity } from '../entities/previous-result.entity';
import type { ContextSource } from './election-night-context';

/** The reads of the election read model: one election's definition by id (plain entity reads). */
@Injectable()
export class ElectionReadModelRepository {
  constructor(private readonly database: Database) {}

  async source(electionId: string): Promise<ContextSource | null> {
    const manager = this.database.dataSource.manager;
    const election = await manager.findOneBy(ElectionEntity, { id: electionId });
    if (!election) return null;
    const where = { electionId };
    const order = { ordinal: 'ASC' } as const;
    const [areas, districts, stations, contests, lists, previousResults, candidates] = await Promise.all([
      manager.find(AreaEntity, { where, order }),
      manager.find(DistrictEntity, { where, order }),
      manager.find(PollingStationEntity, { where, order }),
      manager.find(ContestEntity, { where, order }),
      manager.find(ContestListEntity, { where, order }),
      manager.find(PreviousResultEntity, { where, order }),
      // A list's first candidate: the one of a candidate contest (Erststimme, mayor).
      manager.find(CandidateEntity, { where: { electionId, position: 1 }, select: ['listId', 'title', 'givenNames', 'familyName'] }),
    ]);
    return { election, areas, districts, stations, contests, lists, previousResults, candidates };
  }
}
