import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { ElectionRows, StoredElection } from './election-definition.mapper';
import { CandidateEntity } from './entities/candidate.entity';
import { ContestListEntity } from './entities/contest-list.entity';
import { ContestEntity } from './entities/contest.entity';
import { DistrictEntity } from './entities/district.entity';
import { ElectionEntity } from './entities/election.entity';
import { PollingStationEntity } from './entities/polling-station.entity';
import { PreviousResultEntity } from './entities/previous-result.entity';
import { StreetSegmentEntity } from './entities/street-segment.entity';
import { StreetEntity } from './entities/street.entity';

export type ElectionCounts = {
  readonly pollingStations: number;
  readonly pollingDistricts: number;
  readonly postalDistricts: number;
  readonly contests: number;
  readonly lists: number;
  readonly candidates: number;
  readonly streets: number;
  readonly streetSegments: number;
  readonly previousResults: number;
};

// PostgreSQL takes at most 65,535 parameters per statement; rows here have up to 14 columns.
const INSERT_CHUNK = 2000;

/** All SQL of the elections module. Methods that write take the transaction's manager. */
@Injectable()
export class ElectionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, rows: ElectionRows): Promise<void> {
    // Parents before children, so every foreign key finds its row.
    await this.insertMany(manager, ElectionEntity, [rows.election]);
    await this.insertMany(manager, PollingStationEntity, rows.pollingStations);
    // Postal districts first: polling districts point at them.
    await this.insertMany(
      manager,
      DistrictEntity,
      rows.districts.filter((d) => d.kind === 'postal'),
    );
    await this.insertMany(
      manager,
      DistrictEntity,
      rows.districts.filter((d) => d.kind !== 'postal'),
    );
    await this.insertMany(manager, ContestEntity, rows.contests);
    await this.insertMany(manager, ContestListEntity, rows.lists);
    await this.insertMany(manager, CandidateEntity, rows.candidates);
    await this.insertMany(manager, StreetEntity, rows.streets);
    await this.insertMany(manager, StreetSegmentEntity, rows.segments);
    await this.insertMany(manager, PreviousResultEntity, rows.previousResults);
  }

  private async insertMany<E extends ObjectLiteral>(
    manager: EntityManager,
    target: EntityTarget<E>,
    rows: readonly object[],
  ): Promise<void> {
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(target)
        .values(rows.slice(start, start + INSERT_CHUNK) as E[])
        .updateEntity(false)
        .execute();
    }
  }

  findById(id: string): Promise<ElectionEntity | null> {
    return this.dataSource.getRepository(ElectionEntity).findOneBy({ id });
  }

  listByOffice(officeId: string): Promise<ElectionEntity[]> {
    return this.dataSource.getRepository(ElectionEntity).find({ where: { officeId }, order: { electionDay: 'DESC', createdAt: 'DESC' } });
  }

  async countsFor(electionIds: readonly string[]): Promise<Map<string, ElectionCounts>> {
    if (electionIds.length === 0) return new Map();
    const rows: Record<string, string | number>[] = await this.dataSource.query(
      `SELECT e.id,
         (SELECT count(*) FROM polling_stations x WHERE x.election_id = e.id) AS "pollingStations",
         (SELECT count(*) FROM districts x WHERE x.election_id = e.id AND x.kind = 'polling') AS "pollingDistricts",
         (SELECT count(*) FROM districts x WHERE x.election_id = e.id AND x.kind = 'postal') AS "postalDistricts",
         (SELECT count(*) FROM contests x WHERE x.election_id = e.id) AS "contests",
         (SELECT count(*) FROM lists x WHERE x.election_id = e.id) AS "lists",
         (SELECT count(*) FROM candidates x WHERE x.election_id = e.id) AS "candidates",
         (SELECT count(*) FROM streets x WHERE x.election_id = e.id) AS "streets",
         (SELECT count(*) FROM street_segments x WHERE x.election_id = e.id) AS "streetSegments",
         (SELECT count(*) FROM previous_results x WHERE x.election_id = e.id) AS "previousResults"
       FROM elections e WHERE e.id = ANY($1::uuid[])`,
      [electionIds],
    );
    // count(*) is a bigint, which the driver hands over as a string.
    return new Map(
      rows.map((r) => [
        String(r['id']),
        {
          pollingStations: Number(r['pollingStations']),
          pollingDistricts: Number(r['pollingDistricts']),
          postalDistricts: Number(r['postalDistricts']),
          contests: Number(r['contests']),
          lists: Number(r['lists']),
          candidates: Number(r['candidates']),
          streets: Number(r['streets']),
          streetSegments: Number(r['streetSegments']),
          previousResults: Number(r['previousResults']),
        },
      ]),
    );
  }

  /** District ids by number and contest ids by key, e.g. to map previous results. */
  async keysOf(electionId: string): Promise<{ districts: Map<string, string>; contests: Map<string, string> }> {
    const m = this.dataSource.manager;
    const [districts, contests] = await Promise.all([
      m.find(DistrictEntity, { where: { electionId }, select: { id: true, number: true } }),
      m.find(ContestEntity, { where: { electionId }, select: { id: true, key: true } }),
    ]);
    return { districts: new Map(districts.map((d) => [d.number, d.id])), contests: new Map(contests.map((c) => [c.key, c.id])) };
  }

  /** Replaces the previous election of an election: its name and day and every result row. */
  async replacePreviousResults(
    manager: EntityManager,
    electionId: string,
    previous: { readonly name: string; readonly electionDay: string },
    rows: readonly Omit<PreviousResultEntity, 'election' | 'district' | 'contest'>[],
  ): Promise<void> {
    await manager.delete(PreviousResultEntity, { electionId });
    await this.insertMany(manager, PreviousResultEntity, rows);
    await manager.update(
      ElectionEntity,
      { id: electionId },
      { previousElectionName: previous.name, previousElectionDay: previous.electionDay },
    );
  }

  async load(election: ElectionEntity): Promise<StoredElection> {
    const where = { electionId: election.id };
    const order = { ordinal: 'ASC' } as const;
    const m = this.dataSource.manager;
    const [pollingStations, districts, contests, lists, candidates, streets, segments, previousResults] = await Promise.all([
      m.find(PollingStationEntity, { where, order }),
      m.find(DistrictEntity, { where, order }),
      m.find(ContestEntity, { where, order }),
      m.find(ContestListEntity, { where, order }),
      m.find(CandidateEntity, { where, order }),
      m.find(StreetEntity, { where, order }),
      m.find(StreetSegmentEntity, { where, order }),
      m.find(PreviousResultEntity, { where, order }),
    ]);
    return { election, pollingStations, districts, contests, lists, candidates, streets, segments, previousResults };
  }
}
