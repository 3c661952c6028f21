import {
  areaTotals,
  projectResult,
  type AggregationState,
  type ProjectionUnit,
  type PublicationDecision,
  type PublicProjection,
} from '@wahl/domain';
import type { PublicationSource } from './publication-source';

// The Hochrechnung of the municipality (libs/domain results/projection) from what is public anyway:
// districts published singly and merged pairs (as one unit), each with its previous result. Withheld
// districts never enter it (R8.5/R8.7), but count as reported for "every district is in".

const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

type Unit = { readonly ids: readonly string[] };

export function municipalityProjections(
  source: PublicationSource,
  state: AggregationState,
  decisions: Readonly<Record<string, PublicationDecision>>,
): PublicProjection[] {
  const withPrevious = source.context.districts.filter((district) => source.previous.has(district.id));
  if (withPrevious.length === 0) return [];
  const reported = withPrevious.filter((district) => (areaTotals(state, district.id)?.reported ?? 0) > 0);
  const units: Unit[] = [];
  const taken = new Set<string>();
  for (const district of reported) {
    const decision = decisions[district.id];
    if (taken.has(district.id) || !decision || decision.decision === 'withhold') continue;
    const ids = decision.decision === 'merge-with' ? [district.id, decision.districtId] : [district.id];
    if (!ids.every((id) => source.previous.has(id))) continue;
    ids.forEach((id) => taken.add(id));
    units.push({ ids });
  }

  return source.contests.flatMap((contest): PublicProjection[] => {
    const previousOf = (id: string) => source.previous.get(id)?.contests.find((row) => row.contest === contest.id);
    const previousTotals = { votes: {} as Record<string, number>, valid: 0 };
    for (const district of withPrevious) {
      const row = previousOf(district.id);
      if (!row) continue;
      previousTotals.valid += row.valid;
      for (const [list, votes] of Object.entries(row.votes)) previousTotals.votes[list] = (previousTotals.votes[list] ?? 0) + votes;
    }
    const counted = units.map((unit): ProjectionUnit => {
      const sum: { votes: Record<string, number>; valid: number; previousVotes: Record<string, number>; previousValid: number } = {
        votes: {},
        valid: 0,
        previousVotes: {},
        previousValid: 0,
      };
      for (const id of unit.ids) {
        const now = areaTotals(state, id)?.contests[contest.id];
        const before = previousOf(id);
        sum.valid += now?.valid ?? 0;
        for (const [list, votes] of Object.entries(now?.votes ?? {})) sum.votes[list] = (sum.votes[list] ?? 0) + votes;
        sum.previousValid += before?.valid ?? 0;
        for (const [list, votes] of Object.entries(before?.votes ?? {})) sum.previousVotes[list] = (sum.previousVotes[list] ?? 0) + votes;
      }
      return sum;
    });
    const projection = projectResult({
      listIds: contest.lists.map((list) => list.id),
      counted,
      previousTotals,
      units: withPrevious.length,
      reportedUnits: reported.length,
    });
    if (!projection) return [];
    return [
      {
        contestId: contest.id,
        countedUnits: projection.countedUnits,
        lists: projection.lists.map((list) => ({
          listId: list.listId,
          percent: oneDecimal(list.percent),
          low: oneDecimal(list.low),
          high: oneDecimal(list.high),
        })),
      },
    ];
  });
}
