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
    const number = area.level === 'constituency' ? (context.constituency?.number ?? '') : context.municipality.ags;
    const level = area.level === 'constituency' ? 'constituency' : 'municipality';
    areas.push({ id: area.id, parentId: area.parent, level, number, name: area.name });
  }
  for (const district of context.districts) {
    areas.push({
      id: district.id,
      parentId: MUNICIPALITY_AREA,
      level: district.kind === 'postal' ? 'postal-district' : 'district',
      number: district.number,
      name: district.name,
    });
  }

  const previous = new Map<string, { contests: PreviousContestResult[]; eligible: number | null; voters: number | null }>();
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

  return { election, context, contests, areas, previous, releaseAreas: releaseAreasOf(context, areas) };
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
