import { randomUUID } from 'node:crypto';
import type {
  Area,
  Candidate,
  Contest,
  ContestList,
  District,
  ElectionDefinition,
  PollingStation,
  PreviousAreaResult,
  Street,
  StreetSegment,
} from '@wahl/domain';
import type { AreaEntity } from './entities/area.entity';
import type { CandidateEntity } from './entities/candidate.entity';
import type { ContestListEntity } from './entities/contest-list.entity';
import type { ContestEntity } from './entities/contest.entity';
import type { DistrictEntity } from './entities/district.entity';
import type { ElectionEntity } from './entities/election.entity';
import type { PollingStationEntity } from './entities/polling-station.entity';
import type { PreviousResultEntity } from './entities/previous-result.entity';
import type { StreetSegmentEntity } from './entities/street-segment.entity';
import type { StreetEntity } from './entities/street.entity';

// Document ⇄ rows. Ids are made here, before any insert, so that rows can point at each other
// and be written in bulk. An absent optional field is stored as NULL and left out on export;
// `ordinal` keeps every array's order.

type Row<E, Relations extends keyof E = never> = Omit<E, Relations>;

export type ElectionRows = {
  readonly election: Row<ElectionEntity, 'createdAt' | 'resultsPhase'>;
  readonly areas: Row<AreaEntity, 'election' | 'parent'>[];
  readonly pollingStations: Row<PollingStationEntity, 'election'>[];
  readonly districts: Row<DistrictEntity, 'election' | 'pollingStation' | 'postalDistrict' | 'area'>[];
  readonly contests: Row<ContestEntity, 'election'>[];
  readonly lists: Row<ContestListEntity, 'election' | 'contest'>[];
  readonly candidates: Row<CandidateEntity, 'election' | 'list'>[];
  readonly streets: Row<StreetEntity, 'election'>[];
  readonly segments: Row<StreetSegmentEntity, 'election' | 'street' | 'district'>[];
  readonly previousResults: Row<PreviousResultEntity, 'election' | 'district' | 'contest'>[];
};

const MUNICIPALITY_AREA = 'municipality';

function required<T>(value: T | undefined, what: string): T {
  // The definition was validated, so every reference resolves; this guards against misuse.
  if (value === undefined) throw new Error(`Unresolved reference: ${what}`);
  return value;
}

/**
 * Ids of the stored rows by their key in the document (`district:00121`, `list:gr/cdu`,
 * `candidate:gr/cdu/3`, …), so that a changed definition keeps the ids of the rows it keeps and the
 * roll, cards and results that point at them stay valid.
 */
export type RowIds = ReadonlyMap<string, string>;

const rowKey = {
  area: (key: string) => `area:${key}`,
  station: (key: string) => `station:${key}`,
  district: (number: string) => `district:${number}`,
  contest: (key: string) => `contest:${key}`,
  list: (contest: string, list: string) => `list:${contest}/${list}`,
  candidate: (contest: string, list: string, position: number) => `candidate:${contest}/${list}/${position}`,
  street: (key: string) => `street:${key}`,
  segment: (street: string, ordinal: number) => `segment:${street}/${ordinal}`,
  previous: (ordinal: number) => `previous:${ordinal}`,
};

/** The ids of a stored election's rows by their keys (see RowIds). */
export function rowIdsOf(stored: StoredElection): RowIds {
  const ids = new Map<string, string>();
  const contestKeys = new Map(stored.contests.map((c) => [c.id, c.key]));
  const lists = new Map(stored.lists.map((l) => [l.id, { contest: contestKeys.get(l.contestId) ?? '', key: l.key }]));
  const streetKeys = new Map(stored.streets.map((st) => [st.id, st.key]));
  for (const a of stored.areas) ids.set(rowKey.area(a.key), a.id);
  for (const s of stored.pollingStations) ids.set(rowKey.station(s.key), s.id);
  for (const d of stored.districts) ids.set(rowKey.district(d.number), d.id);
  for (const c of stored.contests) ids.set(rowKey.contest(c.key), c.id);
  for (const l of stored.lists) ids.set(rowKey.list(contestKeys.get(l.contestId) ?? '', l.key), l.id);
  for (const p of stored.candidates) {
    const list = lists.get(p.listId);
    if (list) ids.set(rowKey.candidate(list.contest, list.key, p.position), p.id);
  }
  for (const st of stored.streets) ids.set(rowKey.street(st.key), st.id);
  for (const g of stored.segments) ids.set(rowKey.segment(streetKeys.get(g.streetId) ?? '', g.ordinal), g.id);
  for (const r of stored.previousResults) ids.set(rowKey.previous(r.ordinal), r.id);
  return ids;
}

/**
 * Rows for a validated definition; a stored election keeps its id when its definition is replaced,
 * and each row whose key is in `kept` its id.
 */
export function definitionToRows(
  officeId: string,
  doc: ElectionDefinition,
  electionId: string = randomUUID(),
  kept: RowIds = new Map(),
): ElectionRows {
  const idFor = (key: string): string => kept.get(key) ?? randomUUID();
  const areaIds = new Map((doc.areas ?? []).map((a) => [a.key, idFor(rowKey.area(a.key))]));
  const stationIds = new Map(doc.pollingStations.map((s) => [s.id, idFor(rowKey.station(s.id))]));
  const districtIds = new Map(doc.districts.map((d) => [d.number, idFor(rowKey.district(d.number))]));
  const contestIds = new Map(doc.contests.map((c) => [c.id, idFor(rowKey.contest(c.id))]));

  const election: ElectionRows['election'] = {
    id: electionId,
    officeId,
    schemaVersion: doc.schemaVersion,
    kind: doc.kind,
    name: doc.name,
    electionDay: doc.electionDay,
    municipalityAgs: doc.municipality.ags,
    municipalityName: doc.municipality.name,
    municipalityContact: doc.municipality.contact ?? null,
    constituencyNumber: doc.constituency?.number ?? null,
    constituencyName: doc.constituency?.name ?? null,
    deadlineOverrides: doc.deadlines ?? null,
    previousElectionName: doc.previousElection?.name ?? null,
    previousElectionDay: doc.previousElection?.electionDay ?? null,
  };

  const areas = (doc.areas ?? []).map((a, ordinal) => ({
    id: required(areaIds.get(a.key), a.key),
    electionId,
    ordinal,
    key: a.key,
    name: a.name,
    kind: a.kind,
    parentId: a.parent === undefined ? null : required(areaIds.get(a.parent), a.parent),
  }));

  const pollingStations = doc.pollingStations.map((s, ordinal) => ({
    id: required(stationIds.get(s.id), s.id),
    electionId,
    ordinal,
    key: s.id,
    name: s.name,
    street: s.address.street,
    houseNumber: s.address.houseNumber,
    postalCode: s.address.postalCode,
    city: s.address.city,
    openingHours: s.openingHours,
    barrierFree: s.barrierFree,
    barrierFreeNote: s.barrierFreeNote ?? null,
  }));

  const districts = doc.districts.map((d, ordinal) => ({
    id: required(districtIds.get(d.number), d.number),
    electionId,
    ordinal,
    number: d.number,
    name: d.name,
    kind: d.kind,
    pollingStationId: d.kind === 'polling' ? required(stationIds.get(d.pollingStationId), d.pollingStationId) : null,
    postalDistrictId:
      d.kind === 'polling' && d.postalDistrict !== undefined ? required(districtIds.get(d.postalDistrict), d.postalDistrict) : null,
    inhabitants: d.kind === 'polling' ? (d.inhabitants ?? null) : null,
    areaId: d.area === undefined ? null : required(areaIds.get(d.area), d.area),
  }));

  const contests: ElectionRows['contests'] = [];
  const lists: ElectionRows['lists'] = [];
  const candidates: ElectionRows['candidates'] = [];
  doc.contests.forEach((c, contestOrdinal) => {
    const contestId = required(contestIds.get(c.id), c.id);
    contests.push({
      id: contestId,
      electionId,
      ordinal: contestOrdinal,
      key: c.id,
      name: c.name,
      ballotType: c.ballotType,
      votesPerBallot: c.votesPerBallot,
      maxVotesPerCandidate: c.maxVotesPerCandidate,
      seats: c.seats ?? null,
    });
    c.lists.forEach((l, listOrdinal) => {
      const listId = idFor(rowKey.list(c.id, l.id));
      lists.push({
        id: listId,
        electionId,
        contestId,
        ordinal: listOrdinal,
        key: l.id,
        ballotPosition: l.ballotPosition,
        shortName: l.shortName,
        name: l.name,
        color: l.color,
      });
      l.candidates.forEach((p, ordinal) =>
        candidates.push({
          id: idFor(rowKey.candidate(c.id, l.id, p.position)),
          electionId,
          listId,
          ordinal,
          position: p.position,
          familyName: p.familyName,
          givenNames: p.givenNames,
          title: p.title ?? null,
          occupation: p.occupation ?? null,
          birthYear: p.birthYear ?? null,
          residence: p.residence ?? null,
        }),
      );
    });
  });

  const streets: ElectionRows['streets'] = [];
  const segments: ElectionRows['segments'] = [];
  doc.streets.forEach((st, streetOrdinal) => {
    const streetId = idFor(rowKey.street(st.key));
    streets.push({ id: streetId, electionId, ordinal: streetOrdinal, key: st.key, name: st.name, postalCode: st.postalCode });
    st.segments.forEach((g, ordinal) =>
      segments.push({
        id: idFor(rowKey.segment(st.key, ordinal)),
        electionId,
        streetId,
        ordinal,
        fromNumber: g.from,
        toNumber: g.to,
        parity: g.parity,
        districtId: required(districtIds.get(g.district), g.district),
      }),
    );
  });

  const previousResults = (doc.previousElection?.results ?? []).map((r, ordinal) => ({
    id: idFor(rowKey.previous(ordinal)),
    electionId,
    ordinal,
    districtId: r.area === MUNICIPALITY_AREA ? null : required(districtIds.get(r.area), r.area),
    contestId: required(contestIds.get(r.contest), r.contest),
    eligible: r.eligible ?? null,
    voters: r.voters ?? null,
    invalid: r.invalid,
    valid: r.valid,
    votes: { ...r.votes },
  }));

  return { election, areas, pollingStations, districts, contests, lists, candidates, streets, segments, previousResults };
}

/** Adds `key: value` only when the column holds a value: absent stays absent. */
const present = <K extends string, V>(key: K, value: V | null): { [P in K]?: V } =>
  (value === null ? {} : { [key]: value }) as { [P in K]?: V };

const byOrdinal = <T extends { ordinal: number }>(rows: readonly T[]): T[] => [...rows].sort((a, b) => a.ordinal - b.ordinal);

function groupBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row));
    if (group) group.push(row);
    else groups.set(keyOf(row), [row]);
  }
  return groups;
}

export type StoredElection = {
  readonly election: ElectionEntity;
  readonly areas: readonly AreaEntity[];
  readonly pollingStations: readonly PollingStationEntity[];
  readonly districts: readonly DistrictEntity[];
  readonly contests: readonly ContestEntity[];
  readonly lists: readonly ContestListEntity[];
  readonly candidates: readonly CandidateEntity[];
  readonly streets: readonly StreetEntity[];
  readonly segments: readonly StreetSegmentEntity[];
  readonly previousResults: readonly PreviousResultEntity[];
};

/** The document back from its rows; keys in the contract's order. */
export function rowsToDefinition(stored: StoredElection): ElectionDefinition {
  const { election: e } = stored;
  const stationKeys = new Map(stored.pollingStations.map((s) => [s.id, s.key]));
  const areaKeys = new Map(stored.areas.map((a) => [a.id, a.key]));
  const areaOf = (areaId: string | null) => present('area', areaId === null ? null : required(areaKeys.get(areaId), areaId));
  const districtNumbers = new Map(stored.districts.map((d) => [d.id, d.number]));
  const contestKeys = new Map(stored.contests.map((c) => [c.id, c.key]));
  const listsByContest = groupBy(byOrdinal(stored.lists), (l) => l.contestId);
  const candidatesByList = groupBy(byOrdinal(stored.candidates), (c) => c.listId);
  const segmentsByStreet = groupBy(byOrdinal(stored.segments), (g) => g.streetId);

  const pollingStations = byOrdinal(stored.pollingStations).map((s): PollingStation => ({
    id: s.key,
    name: s.name,
    address: { street: s.street, houseNumber: s.houseNumber, postalCode: s.postalCode, city: s.city },
    openingHours: s.openingHours,
    barrierFree: s.barrierFree,
    ...present('barrierFreeNote', s.barrierFreeNote),
  }));

  const areas = byOrdinal(stored.areas).map((a): Area => ({
    key: a.key,
    name: a.name,
    kind: a.kind,
    ...present('parent', a.parentId === null ? null : required(areaKeys.get(a.parentId), a.parentId)),
  }));

  const districts = byOrdinal(stored.districts).map((d): District => {
    if (d.kind === 'postal') return { number: d.number, name: d.name, kind: 'postal', ...areaOf(d.areaId) };
    return {
      number: d.number,
      name: d.name,
      kind: 'polling',
      ...areaOf(d.areaId),
      pollingStationId: required(stationKeys.get(d.pollingStationId ?? ''), `station of ${d.number}`),
      ...present(
        'postalDistrict',
        d.postalDistrictId === null ? null : required(districtNumbers.get(d.postalDistrictId), d.postalDistrictId),
      ),
      ...present('inhabitants', d.inhabitants),
    };
  });

  const toCandidate = (p: CandidateEntity): Candidate => ({
    position: p.position,
    familyName: p.familyName,
    givenNames: p.givenNames,
    ...present('title', p.title),
    ...present('occupation', p.occupation),
    ...present('birthYear', p.birthYear),
    ...present('residence', p.residence),
  });

  const contests = byOrdinal(stored.contests).map((c): Contest => ({
    id: c.key,
    name: c.name,
    ballotType: c.ballotType,
    votesPerBallot: c.votesPerBallot,
    maxVotesPerCandidate: c.maxVotesPerCandidate,
    ...present('seats', c.seats),
    lists: (listsByContest.get(c.id) ?? []).map((l): ContestList => ({
      id: l.key,
      ballotPosition: l.ballotPosition,
      shortName: l.shortName,
      name: l.name,
      color: l.color,
      candidates: (candidatesByList.get(l.id) ?? []).map(toCandidate),
    })),
  }));

  const streets = byOrdinal(stored.streets).map((st): Street => ({
    key: st.key,
    name: st.name,
    postalCode: st.postalCode,
    segments: (segmentsByStreet.get(st.id) ?? []).map((g): StreetSegment => ({
      from: g.fromNumber,
      to: g.toNumber,
      parity: g.parity,
      district: required(districtNumbers.get(g.districtId), g.districtId),
    })),
  }));

  const previousResults = byOrdinal(stored.previousResults).map((r): PreviousAreaResult => ({
    area: r.districtId === null ? MUNICIPALITY_AREA : required(districtNumbers.get(r.districtId), r.districtId),
    contest: required(contestKeys.get(r.contestId), r.contestId),
    ...present('eligible', r.eligible),
    ...present('voters', r.voters),
    invalid: r.invalid,
    valid: r.valid,
    votes: r.votes,
  }));

  return {
    schemaVersion: 1,
    kind: e.kind,
    name: e.name,
    electionDay: e.electionDay,
    ...present('deadlines', e.deadlineOverrides),
    municipality: { ags: e.municipalityAgs, name: e.municipalityName, ...present('contact', e.municipalityContact ?? null) },
    ...(e.constituencyNumber !== null && e.constituencyName !== null
      ? { constituency: { number: e.constituencyNumber, name: e.constituencyName } }
      : {}),
    // Absent when the election has no intermediate areas, so documents without them round-trip unchanged.
    ...(areas.length > 0 ? { areas } : {}),
    pollingStations,
    districts,
    contests,
    streets,
    ...(e.previousElectionName !== null && e.previousElectionDay !== null
      ? { previousElection: { name: e.previousElectionName, electionDay: e.previousElectionDay, results: previousResults } }
      : {}),
  };
}
