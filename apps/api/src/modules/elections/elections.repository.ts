import { Injectable } from '@nestjs/common';
import type { ElectionCounts } from '@wahl/contracts';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { Database, type Tx } from '../../platform/database/database';
import type { ElectionRows, StoredElection } from './election-definition.mapper';
import { AreaEntity } from './entities/area.entity';
import { CandidateEntity } from './entities/candidate.entity';
import { ContestListEntity } from './entities/contest-list.entity';
import { ContestEntity } from './entities/contest.entity';
import { DistrictEntity } from './entities/district.entity';
import { ElectionEntity } from './entities/election.entity';
import { PollingStationEntity } from './entities/polling-station.entity';
import { PreviousResultEntity } from './entities/previous-result.entity';
import { StreetSegmentEntity } from './entities/street-segment.entity';
import { StreetEntity } from './entities/street.entity';

// Rows per statement: bounds the size of one message (and the time its encoding holds the event loop).
const INSERT_CHUNK = 10_000;

/** Areas ordered so that every parent is inserted before its children (the definition was validated: no cycles). */
function parentsFirst<A extends { readonly id: string; readonly parentId: string | null }>(areas: readonly A[]): A[] {
  const byId = new Map(areas.map((a) => [a.id, a]));
  const depth = (area: A): number => (area.parentId === null ? 0 : 1 + depth(byId.get(area.parentId)!));
  return areas
    .map((area) => ({ area, depth: depth(area) }))
    .sort((a, b) => a.depth - b.depth)
    .map(({ area }) => area);
}

/**
 * All SQL of the elections module. Methods that write take the caller's transaction (`Tx`). The many
 * columns of a definition's rows are mapped by the entities: each table is written by one INSERT
 * over unnested array parameters built from the entity's columns (writeMany), the transaction's
 * connection runs it; reads use TypeORM's finders (plain CRUD).
 */
@Injectable()
export class ElectionsRepository {
  constructor(private readonly db: Database) {}

  private get dataSource() {
    return this.db.dataSource;
  }

  async insert(tx: Tx, rows: ElectionRows): Promise<void> {
    await this.writeMany(tx, ElectionEntity, [rows.election], false);
    await this.writeParts(tx, rows, false);
  }

  /** Every part of the definition below the election row; with `upsert` a row with a known id is updated in place. */
  private async writeParts(tx: Tx, rows: ElectionRows, upsert: boolean): Promise<void> {
    const write = (target: EntityTarget<ObjectLiteral>, parts: readonly object[]) => this.writeMany(tx, target, parts, upsert);
    // Parents before children, so every foreign key finds its row.
    await write(AreaEntity, parentsFirst(rows.areas));
    await write(PollingStationEntity, rows.pollingStations);
    // Postal districts first: polling districts point at them.
    await write(
      DistrictEntity,
      rows.districts.filter((d) => d.kind === 'postal'),
    );
    await write(
      DistrictEntity,
      rows.districts.filter((d) => d.kind !== 'postal'),
    );
    await write(ContestEntity, rows.contests);
    await write(ContestListEntity, rows.lists);
    await write(CandidateEntity, rows.candidates);
    await write(StreetEntity, rows.streets);
    await write(StreetSegmentEntity, rows.segments);
    await write(PreviousResultEntity, rows.previousResults);
  }

  /**
   * Brings the parts of a stored election (areas … previous results) to `rows`, row by row: rows that
   * keep their id are updated in place (so the roll, cards and results pointing at them stay valid),
   * new ones inserted, missing ones deleted. The caller has checked that nothing still needs a row
   * it drops (see whatDependsOn and the domain's conflictingChanges).
   */
  async syncParts(tx: Tx, rows: ElectionRows): Promise<void> {
    const id = rows.election.id;
    // Ballot positions are unique per contest and checked row by row: moved out of the way first, so
    // two lists can swap places.
    await tx.query('UPDATE lists SET ballot_position = -ballot_position WHERE election_id = $1', [id]);
    await this.writeParts(tx, rows, true);
    // Children before parents; deleting a district cascades to what still points at it.
    const kept: [EntityTarget<ObjectLiteral>, readonly { id: string }[]][] = [
      [PreviousResultEntity, rows.previousResults],
      [StreetSegmentEntity, rows.segments],
      [StreetEntity, rows.streets],
      [CandidateEntity, rows.candidates],
      [ContestListEntity, rows.lists],
      [ContestEntity, rows.contests],
      [DistrictEntity, rows.districts],
      [AreaEntity, rows.areas],
      [PollingStationEntity, rows.pollingStations],
    ];
    for (const [target, keptRows] of kept) {
      await tx.query(`DELETE FROM ${this.dataSource.getMetadata(target).tableName} WHERE election_id = $1 AND NOT (id = ANY($2::uuid[]))`, [
        id,
        keptRows.map((r) => r.id),
      ]);
    }
  }

  /** Locks the election's row for a change of its definition (changes of one election run one after another). */
  async lockForChange(tx: Tx, electionId: string): Promise<void> {
    await tx.query('SELECT id FROM elections WHERE id = $1 FOR UPDATE', [electionId]);
  }

  /**
   * What already refers to the election's districts, lists and stations: a built roll, printed polling
   * cards, results of election night or council batches. Read across modules on purpose: this is the
   * one question the definition must ask before its rows are replaced. A district's night state row
   * exists from the import on; it holds results once a version was stored (`current_version`, back
   * to 0 only by a rehearsal's reset).
   */
  async whatDependsOn(tx: Tx, electionId: string): Promise<{ roll: boolean; cards: boolean; results: boolean }> {
    const { rows } = await tx.query<{ roll: boolean; cards: boolean; results: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM rolls WHERE election_id = $1) AS roll,
              EXISTS (SELECT 1 FROM polling_card_jobs WHERE election_id = $1) AS cards,
              (EXISTS (SELECT 1 FROM election_night_districts WHERE election_id = $1 AND current_version > 0)
                OR EXISTS (SELECT 1 FROM council_batches WHERE election_id = $1)) AS results`,
      [electionId],
    );
    return rows[0]!;
  }

  /**
   * INSERT, or with `upsert` INSERT … ON CONFLICT (id) DO UPDATE of every column: set-based, each
   * column bound as one array and unnested, so a statement costs the same whatever the number of
   * rows (a 100,000-district definition is a few statements, not 100,000 bound row tuples).
   * Values are prepared by TypeORM's driver from the entity's column metadata (JSON as text, …);
   * a column the rows leave out (rows of one kind share their shape) takes the database's default.
   */
  private async writeMany<E extends ObjectLiteral>(
    tx: Tx,
    target: EntityTarget<E>,
    rows: readonly object[],
    upsert: boolean,
  ): Promise<void> {
    if (rows.length === 0) return;
    const { tableName, columns: all } = this.dataSource.getMetadata(target);
    const { driver } = this.dataSource;
    const columns = all.filter((c) => c.getEntityValue(rows[0]) !== undefined);
    const names = columns.map((c) => `"${c.databaseName}"`);
    const arrays = columns.map((c, i) => `$${i + 1}::${driver.normalizeType(c)}[]`);
    const update = names.filter((name) => name !== '"id"').map((name) => `${name} = EXCLUDED.${name}`);
    const sql =
      `INSERT INTO "${tableName}" (${names.join(', ')}) SELECT * FROM unnest(${arrays.join(', ')})` +
      (upsert ? ` ON CONFLICT ("id") DO UPDATE SET ${update.join(', ')}` : '');
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      const chunk = rows.slice(start, start + INSERT_CHUNK);
      await tx.query(
        sql,
        columns.map((c) => chunk.map((row) => driver.preparePersistentValue(c.getEntityValue(row), c) ?? null)),
      );
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
    const { rows } = await this.db.query<Record<string, string | number>>(
      `SELECT e.id,
         (SELECT count(*) FROM areas x WHERE x.election_id = e.id) AS "areas",
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
          areas: Number(r['areas']),
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
    tx: Tx,
    electionId: string,
    previous: { readonly name: string; readonly electionDay: string },
    rows: readonly Omit<PreviousResultEntity, 'election' | 'district' | 'contest'>[],
  ): Promise<void> {
    await tx.query('DELETE FROM previous_results WHERE election_id = $1', [electionId]);
    await this.writeMany(tx, PreviousResultEntity, rows, false);
    await tx.query('UPDATE elections SET previous_election_name = $2, previous_election_day = $3 WHERE id = $1', [
      electionId,
      previous.name,
      previous.electionDay,
    ]);
  }

  async load(election: ElectionEntity): Promise<StoredElection> {
    const where = { electionId: election.id };
    const order = { ordinal: 'ASC' } as const;
    const m = this.dataSource.manager;
    const [areas, pollingStations, districts, contests, lists, candidates, streets, segments, previousResults] = await Promise.all([
      m.find(AreaEntity, { where, order }),
      m.find(PollingStationEntity, { where, order }),
      m.find(DistrictEntity, { where, order }),
      m.find(ContestEntity, { where, order }),
      m.find(ContestListEntity, { where, order }),
      m.find(CandidateEntity, { where, order }),
      m.find(StreetEntity, { where, order }),
      m.find(StreetSegmentEntity, { where, order }),
      m.find(PreviousResultEntity, { where, order }),
    ]);
    return { election, areas, pollingStations, districts, contests, lists, candidates, streets, segments, previousResults };
  }
}
