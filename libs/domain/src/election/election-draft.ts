import type { ElectionDeadlines, ElectionDefinition, ElectionKind, IsoDate, Municipality } from './election-definition.types';

// A new election as the office starts it on a screen (issue #12): kind, name, day and the deadlines it
// overrides, either empty or with the territory, stations, street directory and lists of a previous
// election of the same office. Both are drafts: validate them with `{ draft: true }`.

export type ElectionHead = {
  readonly kind: ElectionKind;
  readonly name: string;
  readonly electionDay: IsoDate;
  /** Only the deadlines the office changed; the others follow from kind and day (R0.1). */
  readonly deadlines?: Partial<ElectionDeadlines>;
};

const headFields = (head: ElectionHead) => ({
  schemaVersion: 1 as const,
  kind: head.kind,
  name: head.name,
  electionDay: head.electionDay,
  ...(head.deadlines && Object.keys(head.deadlines).length > 0 ? { deadlines: head.deadlines } : {}),
});

/** An election with nothing in it yet, for the office's municipality. */
export function emptyDraft(head: ElectionHead, municipality: Municipality): ElectionDefinition {
  return { ...headFields(head), municipality, pollingStations: [], districts: [], contests: [], streets: [] };
}

/**
 * A new election from a previous one: areas, polling stations, districts, contests with their lists
 * and candidates and the street directory are copied; its deadlines and results are not (they
 * belong to that election). The constituency stays only for an election of the same kind (a
 * Bundestag and a Landtag constituency differ).
 */
export function draftFromPrevious(head: ElectionHead, previous: ElectionDefinition): ElectionDefinition {
  const { areas, constituency, municipality, pollingStations, districts, contests, streets } = previous;
  return {
    ...headFields(head),
    municipality,
    ...(constituency && previous.kind === head.kind ? { constituency } : {}),
    ...(areas ? { areas } : {}),
    pollingStations,
    districts,
    contests,
    streets,
  };
}
