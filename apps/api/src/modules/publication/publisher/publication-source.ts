import {
  candidateName,
  type ElectionKind,
  type PreviousContestResult,
  type PublicArea,
  type PublicContest,
  type ReleaseArea,
} from '@wahl/domain';
import { MUNICIPALITY_AREA, type ElectionNightContext } from '../../elections/read-model/election-night-context';

// Everything the public results of one election are built from that does not change on election
// night: the election's names, contests, area tree and the previous election, derived from the
// election read model (ElectionReadModel; the previous-election import makes it read again).

export type AreaPrevious = {
  readonly contests: readonly PreviousContestResult[];
  readonly eligible: number | null;
  readonly voters: number | null;
};

type MutablePrevious = { contests: PreviousContestResult[]; eligible: number | null; voters: number | null };

export type ElectionHeader = {
  readonly id: string;
  readonly officeId: string;
  readonly name: string;
  readonly kind: ElectionKind;
  readonly electionDay: string;
  readonly municipalityName: string;
  readonly municipalityAgs: string;
  readonly previousElectionName: string | null;
  readonly rehearsal: boolean;
};

export type PublicationSource = {
  readonly election: ElectionHeader;
  readonly context: ElectionNightContext;
  readonly contests: readonly PublicContest[];
  /** Root first, then depth first; districts in the document's order. */
  readonly areas: readonly PublicArea[];
  readonly previous: ReadonlyMap<string, AreaPrevious>;
  /** R8.7: every area above the districts with the districts below it, root first. */
  readonly releaseAreas: readonly ReleaseArea[];
};

export const buildPublicationSource = (context: ElectionNightContext): PublicationSource => {
  const election: ElectionHeader = {
    id: context.electionId,
    officeId: context.officeId,
    name: context.name,
    kind: context.kind,
    electionDay: context.electionDay,
    municipalityName: context.municipality.name,
    municipalityAgs: context.municipality.ags,
    previousElectionName: context.previousElectionName,
    rehearsal: context.rehearsal,
  };
  const contests: PublicContest[] = context.contests.map((contest) => ({
    id: contest.key,
    name: contest.name,
    ballotType: contest.ballotType,
    lists: contest.lists.map((list) => ({
      id: list.key,
      ballotPosition: list.ballotPosition,
      shortName: list.shortName,
      name: list.name,
      color: list.color,
      ...(list.candidate ? { candidate: { name: candidateName(list.candidate), familyName: list.candidate.familyName } } : {}),
    })),
  }));

  const areas: PublicArea[] = [];
  for (const area of context.areas) {
    const number =
      area.level === 'constituency'
        ? (context.constituency?.number ?? '')
        : area.level === 'municipality'
          ? context.municipality.ags
          : (area.key ?? '');
    areas.push({ id: area.id, parentId: area.parent, level: area.level, number, name: area.name });
  }
  for (const district of context.districts) {
    areas.push({
      id: district.id,
      parentId: district.parent ?? MUNICIPALITY_AREA,
      level: district.kind === 'postal' ? 'postal-district' : 'district',
      number: district.number,
      name: district.name,
    });
  }

  const previous = new Map<string, MutablePrevious>();
  for (const row of context.previousRows) {
    const areaId = row.districtId ?? MUNICIPALITY_AREA;
    const entry = previous.get(areaId) ?? { contests: [], eligible: null, voters: null };
    entry.contests.push({ contest: row.contest, valid: row.valid, votes: row.votes });
    entry.eligible ??= row.eligible;
    entry.voters ??= row.voters;
    previous.set(areaId, entry);
  }
  // The constituency node holds this municipality's districts only, so it compares with the same figures.
  const municipality = previous.get(MUNICIPALITY_AREA);
  for (const area of context.areas) if (area.level === 'constituency' && municipality) previous.set(area.id, municipality);
  const releaseAreas = releaseAreasOf(context, areas);
  for (const area of releaseAreas) {
    const level = context.areas.find((candidate) => candidate.id === area.id)?.level;
    const summed = level === 'stadtbezirk' || level === 'stadtteil' ? previousSum(area.districtIds, previous) : null;
    if (summed) previous.set(area.id, summed);
  }

  return { election, context, contests, areas, previous, releaseAreas };
};

const releaseAreasOf = (context: ElectionNightContext, areas: readonly PublicArea[]): ReleaseArea[] => {
  const below = new Map<string, string[]>();
  for (const district of context.districts) {
    for (const node of context.tree.pathOf.get(district.id)?.slice(1) ?? []) {
      const list = below.get(node) ?? [];
      list.push(district.id);
      below.set(node, list);
    }
  }
  return areas.flatMap((area) => {
    const districtIds = below.get(area.id);
    return districtIds ? [{ id: area.id, districtIds }] : [];
  });
};

/**
 * A Stadtbezirk's or Stadtteil's previous result: the sum over its districts, but only when every
 * one of them has a previous result (a partial sum would compare unlike areas); else none.
 */
const previousSum = (districtIds: readonly string[], previous: ReadonlyMap<string, AreaPrevious>): MutablePrevious | null => {
  const rows = districtIds.map((id) => previous.get(id));
  if (rows.length === 0 || rows.some((row) => row === undefined)) return null;
  const contests = new Map<string, { contest: string; valid: number; votes: Record<string, number> }>();
  let eligible: number | null = 0;
  let voters: number | null = 0;
  for (const row of rows as AreaPrevious[]) {
    eligible = eligible === null || row.eligible === null ? null : eligible + row.eligible;
    voters = voters === null || row.voters === null ? null : voters + row.voters;
    for (const contest of row.contests) {
      const sum = contests.get(contest.contest) ?? { contest: contest.contest, valid: 0, votes: {} };
      sum.valid += contest.valid;
      for (const [list, votes] of Object.entries(contest.votes)) sum.votes[list] = (sum.votes[list] ?? 0) + votes;
      contests.set(contest.contest, sum);
    }
  }
  return { contests: [...contests.values()], eligible, voters };
};
