import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { OPEN_DATA_SCHEMA_VERSION, type OpenDataLists, type OpenDataPollingStations } from '@wahl/contracts';
import {
  areaTotals,
  candidateName,
  contestLetters,
  formatElectedCsv,
  formatOpenDataCsv,
  formatPollingStationsCsv,
  listLetter,
  REHEARSAL_WATERMARK,
  type AreaTotals,
  type ElectionKind,
  type OpenDataContestCells,
  type OpenDataMeta,
  type OpenDataPollingStation,
  type OpenDataRow,
  type PublicAreaLevel,
} from '@wahl/domain';
import { notFound } from '../../../platform/errors/app-error';
import { isVersion, readAtVersion, versionGone } from '../http/public-versions';
import { serializeBody, type ElectionPublication, type SerializedBody } from '../publisher/election-publication';
import { PublicCouncilResultsService } from '../council/public-council-results.service';
import { releasedAreaTotals } from '../publisher/public-results.builder';
import type { ElectionHeader } from '../publisher/publication-source';
import { PublisherService, type CurrentResults } from '../publisher/publisher.service';
import { openDataAddress, RecentVersions } from '../publisher/recent-versions';
import { ResultsCaughtUp, ResultsPublished } from '../publication.events';
import { OpenDataRepository } from './open-data.repository';

// Open data per area level in the votemanager CSV layout (libs/domain open-data-csv.ts), plus a
// JSON that names the lists behind the columns, which that layout lacks, and the polling rooms with
// the districts voting in each (CSV and JSON; addresses of rooms only) – docs/OPEN-DATA.md.
// R8.5 applies as on the results page: a merged pair is one row with both numbers ("101+102"), a
// withheld district a row without counts; B1 and A2 appear at district level and above only. R8.7: the
// files are releases like the versions, built from the same checked decisions and area totals.

export const OPEN_DATA_FILES = [
  'wahlbezirk.csv',
  'stadtbezirk.csv',
  'stadtteil.csv',
  'gemeinde.csv',
  'wahlkreis.csv',
  'listen.json',
  'wahllokale.csv',
  'wahllokale.json',
  'gewaehlte.csv',
] as const;
export type OpenDataFile = (typeof OPEN_DATA_FILES)[number];
/** The files of a results version: the elected change with the council's declaration, not with a version. */
type VersionedFile = Exclude<OpenDataFile, 'gewaehlte.csv'>;

/** The `wahl` column, as votemanager names the election types. */
const ELECTION_NAMES: Record<ElectionKind, string> = {
  bundestag: 'Bundestagswahl',
  europawahl: 'Europawahl',
  'landtag-bw': 'Landtagswahl',
  'gemeinderat-bw': 'Gemeinderatswahl',
  'kreistag-bw': 'Kreistagswahl',
  'buergermeister-bw': 'Bürgermeisterwahl',
};

type ResultFile = 'wahlbezirk.csv' | AreaFile;
type AreaFile = 'stadtbezirk.csv' | 'stadtteil.csv' | 'gemeinde.csv' | 'wahlkreis.csv';

/** The area level of each area file (R8.7: every total as released). */
const AREA_LEVELS: Record<AreaFile, PublicAreaLevel> = {
  'stadtbezirk.csv': 'stadtbezirk',
  'stadtteil.csv': 'stadtteil',
  'gemeinde.csv': 'municipality',
  'wahlkreis.csv': 'constituency',
};

/** The last part of each file's download name, as votemanager names the levels. */
const DOWNLOAD_NAMES: Record<VersionedFile, string> = {
  'wahlbezirk.csv': 'Wahlbezirk.csv',
  'stadtbezirk.csv': 'Stadtbezirk.csv',
  'stadtteil.csv': 'Stadtteil.csv',
  'gemeinde.csv': 'Gemeinde.csv',
  'wahlkreis.csv': 'Wahlkreis.csv',
  'listen.json': 'Listen.json',
  'wahllokale.csv': 'Wahllokale.csv',
  'wahllokale.json': 'Wahllokale.json',
};

/**
 * The `wahl` cell: in a rehearsal every row carries the watermark (a file passed on without its name
 * still says what it is), e.g. `PROBE – keine echten Ergebnisse: Bundestagswahl`.
 */
const wahlColumn = (election: ElectionHeader): string =>
  election.rehearsal ? `${REHEARSAL_WATERMARK}: ${ELECTION_NAMES[election.kind]}` : ELECTION_NAMES[election.kind];

/** votemanager's download name; `PROBE-…` in a rehearsal. */
const filePrefix = (election: ElectionHeader): string =>
  `${election.rehearsal ? 'PROBE-' : ''}Open-Data-${election.municipalityAgs}-${ELECTION_NAMES[election.kind]}`;

export type OpenDataDownload = { readonly body: SerializedBody; readonly fileName: string; readonly contentType: string };

/** The files of one version, each built at most once. */
type VersionFiles = { readonly version: number; readonly files: Map<VersionedFile, Promise<OpenDataDownload>> };

const EMPTY_COUNTS: OpenDataRow['counts'] = { A1: null, A2: null, A3: null, A: null, B: null, B1: null };

@Injectable()
export class OpenDataService {
  // Per election the files of one version: built at most once per published version.
  private readonly cache = new Map<string, VersionFiles>();

  constructor(
    private readonly publisher: PublisherService,
    private readonly council: PublicCouncilResultsService,
    private readonly repository: OpenDataRepository,
    private readonly recent: RecentVersions,
  ) {}

  /**
   * The file at `version`: the version this process holds (or soon: `arrival`), or one it replaced a
   * moment ago, as it was served then (RecentVersions); never built for an older version.
   */
  async versioned(electionId: string, version: number, file: string): Promise<OpenDataDownload> {
    if (!(OPEN_DATA_FILES as readonly string[]).includes(file) || file === 'gewaehlte.csv') throw notFound('Die Datei');
    const held = await this.publisher.get(electionId);
    if (!held) throw notFound('Die Wahl');
    if (version < held.version) {
      const kept = await this.replaced(held, version, file as VersionedFile);
      if (kept) return kept;
      throw versionGone(version);
    }
    return readAtVersion(
      version,
      () => this.download(electionId, file),
      (download) => download.body,
      () => this.publisher.arrival(electionId, version),
    );
  }

  async download(electionId: string, file: string): Promise<OpenDataDownload> {
    if (!(OPEN_DATA_FILES as readonly string[]).includes(file)) throw notFound('Die Datei');
    // The council's declaration, not a results version, changes the elected: built from its own (2 s) cache.
    if (file === 'gewaehlte.csv') return this.elected(electionId);
    const publication = await this.publisher.get(electionId);
    if (!publication) throw notFound('Die Wahl');
    let entry = this.cache.get(electionId);
    if (!entry || entry.version !== publication.version) {
      if (entry) this.retire(electionId, entry);
      entry = { version: publication.version, files: new Map() };
      this.cache.set(electionId, entry);
    }
    const key = file as VersionedFile;
    let building = entry.files.get(key);
    if (!building) {
      building = this.build(electionId, key);
      entry.files.set(key, building);
      building.catch(() => entry!.files.delete(key));
    }
    return building;
  }

  /** A file built while `version` was current (held here still, or kept since): as it was served. */
  private async replaced(publication: ElectionPublication, version: number, file: VersionedFile): Promise<OpenDataDownload | undefined> {
    const entry = this.cache.get(publication.electionId);
    const building = entry?.version === version ? entry.files.get(file) : undefined;
    if (building) {
      const download = await building.catch(() => undefined);
      return download && isVersion(download.body, version) ? download : undefined;
    }
    const body = this.recent.find(publication.electionId, version, openDataAddress(file));
    return body && downloadOf(publication.header, file, body);
  }

  @OnEvent(ResultsPublished.event)
  onPublished({ delta }: ResultsPublished): void {
    this.moved(delta.electionId, delta.version);
  }

  @OnEvent(ResultsCaughtUp.event)
  onCaughtUp({ delta }: ResultsCaughtUp): void {
    this.moved(delta.electionId, delta.version);
  }

  // The publication moved on: the files of the version before go to RecentVersions now, so that they
  // are kept for as long as any other body of it.
  private moved(electionId: string, version: number): void {
    const entry = this.cache.get(electionId);
    if (!entry || entry.version >= version) return;
    this.cache.delete(electionId);
    this.retire(electionId, entry);
  }

  /** The files of a replaced version stay fetchable for a while (RecentVersions). */
  private retire(electionId: string, entry: VersionFiles): void {
    for (const [file, building] of entry.files)
      building.then(
        ({ body }) => {
          if (isVersion(body, entry.version)) this.recent.keep(electionId, entry.version, openDataAddress(file), body);
        },
        () => undefined, // its request was told
      );
  }

  /** The council's elected members and substitutes (R5.8); 404 for an election without a council contest. */
  private async elected(electionId: string): Promise<OpenDataDownload> {
    const current = await this.publisher.current(electionId);
    if (!current) throw notFound('Die Wahl');
    const result = await this.council.result(electionId);
    const { election } = current.source;
    const rows = result.contests.flatMap((contest) =>
      [...contest.lists]
        .sort((a, b) => a.ballotPosition - b.ballotPosition)
        .flatMap((list) =>
          [
            ...list.elected.map((person) => ({ person, elected: true })),
            ...list.substitutes.map((person) => ({ person, elected: false })),
          ].map(({ person, elected }) => ({ listBallotPosition: list.ballotPosition, listShortName: list.shortName, ...person, elected })),
        ),
    );
    const final = result.contests.every((contest) => contest.final);
    const csv = formatElectedCsv({ ...csvMeta(election), final }, rows);
    return {
      body: serializeBody(csv, current.version, current.updatedAt),
      fileName: `${filePrefix(election)}-Gewaehlte.csv`,
      contentType: CSV_TYPE,
    };
  }

  private async build(electionId: string, file: VersionedFile): Promise<OpenDataDownload> {
    const current = await this.publisher.current(electionId);
    if (!current) throw notFound('Die Wahl');
    const download = (text: string): OpenDataDownload =>
      downloadOf(current.source.election, file, serializeBody(text, current.version, current.updatedAt));
    if (file === 'listen.json') return download(JSON.stringify(listsDocument(current), null, 2) + '\n');
    if (file === 'wahllokale.csv' || file === 'wahllokale.json') {
      const stations = await this.repository.pollingStations(electionId);
      return file === 'wahllokale.csv'
        ? download(formatPollingStationsCsv(csvMeta(current.source.election), stations))
        : download(JSON.stringify(stationsDocument(current.source.election, stations), null, 2) + '\n');
    }
    return download(resultsCsv(current, file));
  }
}

const CSV_TYPE = 'text/csv; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/** The file's body under its download name and type. */
const downloadOf = (election: ElectionHeader, file: VersionedFile, body: SerializedBody): OpenDataDownload => ({
  body,
  fileName: `${filePrefix(election)}-${DOWNLOAD_NAMES[file]}`,
  contentType: file.endsWith('.json') ? JSON_TYPE : CSV_TYPE,
});

const csvMeta = (election: ElectionHeader): OpenDataMeta => ({
  electionDay: election.electionDay,
  electionName: wahlColumn(election),
  ags: election.municipalityAgs,
});

/** The fields every JSON file starts with. */
const documentHeader = (election: ElectionHeader) => ({
  schemaVersion: OPEN_DATA_SCHEMA_VERSION,
  electionId: election.id,
  election: election.name,
  wahl: wahlColumn(election),
  datum: election.electionDay,
  ags: election.municipalityAgs,
});

function listsDocument(current: CurrentResults): OpenDataLists {
  const { election, context } = current.source;
  const baseName = filePrefix(election);
  const hasCouncil = context.contests.some((contest) => contest.ballotType === 'council');
  return {
    ...documentHeader(election),
    version: current.version,
    rehearsal: election.rehearsal,
    files: {
      ...Object.fromEntries(Object.entries(DOWNLOAD_NAMES).map(([route, name]) => [route, `${baseName}-${name}`])),
      ...(hasCouncil ? { 'gewaehlte.csv': `${baseName}-Gewaehlte.csv` } : {}),
    },
    contests: context.contests.map((contest, index) => ({
      id: contest.key,
      name: contest.name,
      ballotType: contest.ballotType,
      invalidColumn: contestLetters(index).invalid,
      validColumn: contestLetters(index).valid,
      lists: contest.lists.map((list) => ({
        column: listLetter(index, list.ballotPosition - 1),
        ballotPosition: list.ballotPosition,
        listId: list.key,
        shortName: list.shortName,
        name: list.name,
        color: list.color,
        candidate: list.candidate ? { name: candidateName(list.candidate), ...list.candidate } : null,
      })),
    })),
  };
}

const stationsDocument = (election: ElectionHeader, stations: readonly OpenDataPollingStation[]): OpenDataPollingStations => ({
  ...documentHeader(election),
  rehearsal: election.rehearsal,
  pollingStations: stations.map((station) => ({
    id: station.id,
    name: station.name,
    address: station.address,
    openingHours: station.openingHours,
    barrierFree: station.barrierFree,
    barrierFreeNote: station.barrierFreeNote ?? null,
    districts: station.districtNumbers,
  })),
});

function resultsCsv(current: CurrentResults, file: ResultFile): string {
  const { context, election } = current.source;
  const rows = file === 'wahlbezirk.csv' ? districtRows(current) : areaRows(current, AREA_LEVELS[file]);
  const ballotRows = Math.max(0, ...context.contests.flatMap((contest) => contest.lists.map((list) => list.ballotPosition)));
  return formatOpenDataCsv(csvMeta(election), { contestCount: context.contests.length, ballotRows }, rows);
}

const contestCells = (current: CurrentResults, totals: AreaTotals): OpenDataContestCells[] =>
  current.source.context.contests.map((contest) => {
    const counts = totals.contests[contest.key];
    return {
      invalid: counts?.invalid ?? 0,
      valid: counts?.valid ?? 0,
      votesByBallotRow: new Map(contest.lists.map((list) => [list.ballotPosition, counts?.votes[list.key] ?? 0])),
    };
  });

const countsOf = (totals: AreaTotals, postal: boolean): OpenDataRow['counts'] =>
  postal
    ? { ...EMPTY_COUNTS, B: totals.B, B1: totals.B1 }
    : { A1: totals.A1, A2: totals.A2, A3: totals.A3, A: totals.A, B: totals.B, B1: totals.B1 };

const add = (a: AreaTotals, b: AreaTotals): AreaTotals => ({
  ...a,
  A: a.A + b.A,
  A1: a.A1 + b.A1,
  A2: a.A2 + b.A2,
  A3: a.A3 + b.A3,
  B: a.B + b.B,
  B1: a.B1 + b.B1,
  contests: Object.fromEntries(
    Object.entries(a.contests).map(([key, counts]) => {
      const other = b.contests[key];
      const votes: Record<string, number> = { ...counts.votes };
      for (const [listId, count] of Object.entries(other?.votes ?? {})) votes[listId] = (votes[listId] ?? 0) + count;
      return [key, { invalid: counts.invalid + (other?.invalid ?? 0), valid: counts.valid + (other?.valid ?? 0), votes }];
    }),
  ),
});

function districtRows(current: CurrentResults): OpenDataRow[] {
  const { source, totals: state } = current;
  const { decisions } = current.released;
  const rows: OpenDataRow[] = [];
  const done = new Set<string>();
  for (const district of source.context.districts) {
    if (done.has(district.id)) continue;
    const totals = areaTotals(state, district.id);
    const decision = decisions[district.id];
    const postal = district.kind === 'postal';
    const row = { areaNumber: district.number, areaName: district.name, expected: 1 };
    if (!totals || totals.reported === 0 || !decision) {
      rows.push({ ...row, reported: 0, counts: EMPTY_COUNTS, contests: [] });
    } else if (decision.decision === 'publish') {
      rows.push({ ...row, reported: 1, counts: countsOf(totals, postal), contests: contestCells(current, totals) });
    } else if (decision.decision === 'merge-with') {
      const partner = source.context.districtById.get(decision.districtId);
      const partnerTotals = areaTotals(state, decision.districtId);
      if (!partner || !partnerTotals) continue;
      done.add(partner.id);
      const sum = add(totals, partnerTotals);
      rows.push({
        areaNumber: `${district.number}+${partner.number}`,
        areaName: `${district.name} + ${partner.name}`,
        expected: 2,
        reported: 2,
        counts: countsOf(sum, postal),
        contests: contestCells(current, sum),
      });
    } else {
      // Withheld (R8.5): the report is in, its numbers are not shown.
      rows.push({ ...row, reported: decision.reason === 'not-reported' ? 0 : 1, counts: EMPTY_COUNTS, contests: [] });
    }
    done.add(district.id);
  }
  return rows;
}

function areaRows(current: CurrentResults, level: PublicAreaLevel): OpenDataRow[] {
  const { source, totals: state, released } = current;
  return source.areas
    .filter((area) => area.level === level)
    .flatMap((area) => {
      const whole = areaTotals(state, area.id);
      if (!whole) return [];
      // R8.7: the total as released (held-back districts left out); `reported` counts every reported district.
      const totals = releasedAreaTotals(state, released, area.id, whole);
      const row = { areaNumber: area.number, areaName: area.name, expected: totals.expected, reported: totals.reported };
      return totals.reported === 0
        ? [{ ...row, counts: EMPTY_COUNTS, contests: [] }]
        : [{ ...row, counts: countsOf(totals, false), contests: contestCells(current, totals) }];
    });
}
