import {
  indexResultTree,
  resolveDeadlines,
  type ElectionDeadlines,
  type Municipality,
  type ElectionKind,
  type PublicContest,
  type AreaKind,
  type DistrictKind,
  type IndexedResultTree,
  type PreviousContestResult,
  type ResultArea,
  type ResultContest,
} from '@wahl/domain';

// The election read model: what election night, the totals and the public results need of an
// election, loaded once per election and kept in memory (ElectionReadModel): districts, contests
// with their lists in ballot order, previous results, and the result tree district → municipality
// → constituency (P11). Reports address contests and lists by the document's keys (`zweitstimme`,
// `spd`), like previous results do.

export const MUNICIPALITY_AREA = 'municipality';
export const CONSTITUENCY_AREA = 'constituency';

export type NightList = {
  readonly key: string;
  readonly ballotPosition: number;
  readonly shortName: string;
  readonly name: string;
  readonly color: string;
  /** A candidate contest's (Erststimme, mayor) one candidate of the list: its votes are the list's. Null in other contests. */
  readonly candidate: NightCandidate | null;
};
export type NightCandidate = { readonly title: string | null; readonly givenNames: string; readonly familyName: string };
export type NightContest = {
  readonly key: string;
  readonly name: string;
  readonly ballotType: PublicContest['ballotType'];
  readonly votesPerBallot: number;
  readonly lists: readonly NightList[];
};

export type NightDistrict = {
  readonly id: string;
  /** Position in the election document. */
  readonly ordinal: number;
  readonly number: string;
  readonly name: string;
  readonly kind: DistrictKind;
  readonly postalDistrictId: string | null;
  readonly pollingStation: { readonly name: string; readonly address: string } | null;
  /** The innermost Stadtbezirk/Stadtteil the district lies in; absent: directly in the municipality. */
  readonly parent?: string;
};

export type NightArea = {
  readonly id: string;
  readonly name: string;
  readonly level: 'constituency' | 'municipality' | AreaKind;
  readonly parent: string | null;
  /** The definition's key of a Stadtbezirk/Stadtteil (its number on the public page); absent above. */
  readonly key?: string;
};

/** A previous-election row as stored (area: district id, null for the municipality). */
export type PreviousRow = {
  readonly districtId: string | null;
  readonly contest: string;
  readonly eligible: number | null;
  readonly voters: number | null;
  readonly valid: number;
  readonly votes: Record<string, number>;
};

export type ElectionNightContext = {
  readonly electionId: string;
  readonly officeId: string;
  readonly name: string;
  readonly kind: ElectionKind;
  readonly electionDay: string;
  readonly previousElectionName: string | null;
  /** Probe: the results are a rehearsal, watermarked on every public output (docs/REHEARSAL.md). */
  readonly rehearsal: boolean;
  readonly municipality: { readonly ags: string; readonly name: string };
  readonly constituency: { readonly number: string; readonly name: string } | null;
  /** The municipality's contact as the election document gives it (printed by postal voting). */
  readonly contact: Municipality['contact'] | null;
  /** Every deadline with the election's own overrides applied (R0.1). */
  readonly deadlines: ElectionDeadlines;
  readonly contests: readonly NightContest[];
  readonly resultContests: readonly ResultContest[];
  /** In the document's order. */
  readonly districts: readonly NightDistrict[];
  readonly districtById: ReadonlyMap<string, NightDistrict>;
  readonly districtByNumber: ReadonlyMap<string, NightDistrict>;
  /** Previous election per area id (district id or MUNICIPALITY_AREA). */
  readonly previousByArea: ReadonlyMap<string, readonly PreviousContestResult[]>;
  /** The previous election's rows in the document's order, with eligible and voters. */
  readonly previousRows: readonly PreviousRow[];
  readonly areas: readonly NightArea[];
  readonly tree: IndexedResultTree;
};

export type ContextSource = {
  readonly election: {
    readonly id: string;
    readonly officeId: string;
    readonly name: string;
    readonly kind: ElectionKind;
    readonly electionDay: string;
    readonly previousElectionName: string | null;
    readonly municipalityAgs: string;
    readonly municipalityName: string;
    readonly constituencyNumber: string | null;
    readonly constituencyName: string | null;
    readonly municipalityContact?: Municipality['contact'] | null;
    readonly deadlineOverrides?: Partial<ElectionDeadlines> | null;
    readonly resultsPhase?: 'rehearsal' | 'live';
  };
  /** Stadtbezirke/Stadtteile between municipality and districts (parentId null: in the municipality). */
  readonly areas?: readonly { id: string; ordinal: number; key: string; name: string; kind: AreaKind; parentId: string | null }[];
  readonly districts: readonly {
    id: string;
    ordinal: number;
    areaId?: string | null;
    number: string;
    name: string;
    kind: DistrictKind;
    postalDistrictId: string | null;
    pollingStationId: string | null;
  }[];
  readonly stations: readonly { id: string; name: string; street: string; houseNumber: string; postalCode: string; city: string }[];
  readonly contests: readonly { id: string; key: string; name: string; votesPerBallot: number; ballotType: PublicContest['ballotType'] }[];
  readonly lists: readonly {
    id: string;
    contestId: string;
    key: string;
    ballotPosition: number;
    shortName: string;
    name: string;
    color: string;
  }[];
  /** The first candidate (ballot position 1) of each list of a candidate contest; others are not needed here. */
  readonly candidates?: readonly { listId: string; title: string | null; givenNames: string; familyName: string }[];
  readonly previousResults: readonly {
    districtId: string | null;
    contestId: string;
    eligible: number | null;
    voters: number | null;
    valid: number;
    votes: Record<string, number>;
  }[];
};

const nightCandidate = (candidate: NightCandidate | undefined): NightCandidate | null =>
  candidate ? { title: candidate.title, givenNames: candidate.givenNames, familyName: candidate.familyName } : null;

export function buildElectionNightContext(source: ContextSource): ElectionNightContext {
  const { election } = source;
  const stations = new Map(
    source.stations.map((s) => [s.id, { name: s.name, address: `${s.street} ${s.houseNumber}, ${s.postalCode} ${s.city}` }]),
  );
  const candidateOf = new Map((source.candidates ?? []).map((candidate) => [candidate.listId, candidate]));
  const contests: NightContest[] = source.contests.map((contest) => ({
    key: contest.key,
    name: contest.name,
    ballotType: contest.ballotType,
    votesPerBallot: contest.votesPerBallot,
    lists: source.lists
      .filter((list) => list.contestId === contest.id)
      .sort((a, b) => a.ballotPosition - b.ballotPosition)
      .map((list) => ({
        key: list.key,
        ballotPosition: list.ballotPosition,
        shortName: list.shortName,
        name: list.name,
        color: list.color,
        candidate: contest.ballotType === 'candidate' ? nightCandidate(candidateOf.get(list.id)) : null,
      })),
  }));
  const resultContests: ResultContest[] = contests.map((contest) => ({
    id: contest.key,
    listIds: contest.lists.map((list) => list.key),
    votesPerBallot: contest.votesPerBallot,
  }));
  const districts: NightDistrict[] = source.districts.map((district) => ({
    id: district.id,
    ordinal: district.ordinal,
    number: district.number,
    name: district.name,
    kind: district.kind,
    postalDistrictId: district.postalDistrictId,
    pollingStation: district.pollingStationId ? (stations.get(district.pollingStationId) ?? null) : null,
    ...(district.areaId ? { parent: district.areaId } : {}),
  }));

  const contestKeys = new Map(source.contests.map((contest) => [contest.id, contest.key]));
  const previousByArea = new Map<string, PreviousContestResult[]>();
  const previousRows: PreviousRow[] = [];
  for (const result of source.previousResults) {
    const area = result.districtId ?? MUNICIPALITY_AREA;
    const contest = contestKeys.get(result.contestId);
    if (!contest) continue;
    previousByArea.set(area, [...(previousByArea.get(area) ?? []), { contest, valid: result.valid, votes: result.votes }]);
    const { districtId, eligible, voters, valid, votes } = result;
    previousRows.push({ districtId, contest, eligible, voters, valid, votes });
  }

  const constituency =
    election.constituencyNumber !== null && election.constituencyName !== null
      ? { number: election.constituencyNumber, name: election.constituencyName }
      : null;
  const areas: NightArea[] = [
    ...(constituency
      ? [
          {
            id: CONSTITUENCY_AREA,
            name: `Wahlkreis ${constituency.number} ${constituency.name}`,
            level: 'constituency' as const,
            parent: null,
          },
        ]
      : []),
    { id: MUNICIPALITY_AREA, name: election.municipalityName, level: 'municipality', parent: constituency ? CONSTITUENCY_AREA : null },
    ...intermediateAreas(source.areas ?? []),
  ];
  const resultAreas: ResultArea[] = areas.map((area) => ({ id: area.id, parent: area.parent }));
  const indexed = indexResultTree({
    areas: resultAreas,
    districts: districts.map((district) => ({
      id: district.id,
      kind: district.kind,
      parent: district.parent ?? MUNICIPALITY_AREA,
      postalDistrictId: district.postalDistrictId,
    })),
    contests: resultContests,
  });
  // The elections module validated the definition; a tree error here is a bug, not a user error.
  if (!indexed.ok) throw new Error(`election ${election.id}: ${indexed.error.message}`);

  return {
    electionId: election.id,
    officeId: election.officeId,
    name: election.name,
    kind: election.kind,
    electionDay: election.electionDay,
    previousElectionName: election.previousElectionName,
    rehearsal: election.resultsPhase === 'rehearsal',
    municipality: { ags: election.municipalityAgs, name: election.municipalityName },
    constituency,
    contact: election.municipalityContact ?? null,
    deadlines: resolveDeadlines(election.kind, election.electionDay, election.deadlineOverrides ?? {}),
    contests,
    resultContests,
    districts,
    districtById: new Map(districts.map((district) => [district.id, district])),
    districtByNumber: new Map(districts.map((district) => [district.number, district])),
    previousByArea,
    previousRows,
    areas,
    tree: indexed.value,
  };
}

/** Stadtbezirke/Stadtteile parents first, depth first, siblings in the document's order. */
const intermediateAreas = (rows: NonNullable<ContextSource['areas']>): NightArea[] => {
  const sorted = [...rows].sort((a, b) => a.ordinal - b.ordinal);
  const ordered: NightArea[] = [];
  const visit = (parentId: string | null): void => {
    for (const row of sorted.filter((candidate) => candidate.parentId === parentId)) {
      ordered.push({ id: row.id, name: row.name, level: row.kind, parent: row.parentId ?? MUNICIPALITY_AREA, key: row.key });
      visit(row.id);
    }
  };
  visit(null);
  return ordered;
};
