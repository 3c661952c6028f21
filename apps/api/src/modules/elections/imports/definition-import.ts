import type { DefinitionImportRequest, ElectionCounts, ImportProblemEntry } from '@wahl/contracts';
import {
  parseOwdCandidates,
  parseOwdDistricts,
  parseStreetDirectory,
  validateElectionDefinition,
  type Contest,
  type ElectionDefinition,
} from '@wahl/domain';

// An import applied to an election's definition, without I/O: the file parsed (libs/domain
// election/import), merged into the definition, and the result checked by the definition's own rules
// in draft mode. Preview and apply run this same function, so the preview shows exactly what is stored.

export type ImportOutcome = {
  readonly next: ElectionDefinition;
  readonly samples: readonly string[];
  readonly problems: readonly ImportProblemEntry[];
};

const SAMPLES = 5;

/** The place name for polling stations the file names only: `Stadt Karlsruhe` → `Karlsruhe`. */
export const cityOf = (municipalityName: string): string => municipalityName.replace(/^(Stadt|Gemeinde|Markt)\s+/, '');

export function countsOf(doc: ElectionDefinition): ElectionCounts {
  const lists = doc.contests.flatMap((c) => c.lists);
  return {
    areas: doc.areas?.length ?? 0,
    pollingStations: doc.pollingStations.length,
    pollingDistricts: doc.districts.filter((d) => d.kind === 'polling').length,
    postalDistricts: doc.districts.filter((d) => d.kind === 'postal').length,
    contests: doc.contests.length,
    lists: lists.length,
    candidates: lists.reduce((sum, l) => sum + l.candidates.length, 0),
    streets: doc.streets.length,
    streetSegments: doc.streets.reduce((sum, s) => sum + s.segments.length, 0),
    previousResults: doc.previousElection?.results.length ?? 0,
  };
}

/** The contest the candidates go to: the existing one with its lists' colours kept, or a new one of the request. */
function withCandidates(doc: ElectionDefinition, request: DefinitionImportRequest, lists: Contest['lists']): Contest[] {
  const spec = request.contest!;
  const existing = doc.contests.find((c) => c.id === spec.key);
  const council = spec.ballotType === 'council';
  const colours = new Map(existing?.lists.map((l) => [l.id, l.color]));
  const merged = lists.map((l) => ({ ...l, color: colours.get(l.id) ?? l.color }));
  const contest: Contest = existing
    ? { ...existing, lists: merged }
    : {
        id: spec.key,
        name: spec.name,
        ballotType: spec.ballotType,
        // R5.1/R5.2: on a council ballot as many votes as seats, up to 3 per candidate; otherwise 1.
        votesPerBallot: council ? (spec.seats ?? 1) : 1,
        maxVotesPerCandidate: council ? 3 : 1,
        ...(spec.seats !== undefined ? { seats: spec.seats } : {}),
        lists: merged,
      };
  return existing ? doc.contests.map((c) => (c.id === spec.key ? contest : c)) : [...doc.contests, contest];
}

function merge(
  doc: ElectionDefinition,
  request: DefinitionImportRequest,
): Omit<ImportOutcome, 'problems'> & { problems: ImportProblemEntry[] } {
  if (request.kind === 'districts') {
    const parsed = parseOwdDistricts(request.csv, cityOf(doc.municipality.name));
    const { areas: _areas, ...rest } = doc;
    return {
      next: {
        ...rest,
        ...(parsed.areas.length ? { areas: parsed.areas } : {}),
        pollingStations: parsed.pollingStations,
        districts: parsed.districts,
      },
      samples: parsed.districts.slice(0, SAMPLES).map((d) => `${d.number} ${d.name}`),
      problems: [...parsed.problems],
    };
  }
  if (request.kind === 'candidates') {
    const parsed = parseOwdCandidates(request.csv);
    if (!request.contest) {
      const missing = {
        line: 0,
        field: 'contest',
        message: 'Bitte angeben, zu welchem Stimmzettel die Bewerber gehören.',
        severity: 'error' as const,
      };
      return { next: doc, samples: [], problems: [missing, ...parsed.problems] };
    }
    return {
      next: { ...doc, contests: withCandidates(doc, request, parsed.lists) },
      samples: parsed.lists.slice(0, SAMPLES).map((l) => `${l.shortName}: ${l.candidates.length} Bewerber`),
      problems: [...parsed.problems],
    };
  }
  const parsed = parseStreetDirectory(request.csv, new Map(doc.districts.map((d) => [d.number, d.kind])));
  return {
    next: { ...doc, streets: parsed.streets },
    samples: parsed.streets.slice(0, SAMPLES).map((s) => `${s.name} (${s.postalCode})`),
    problems: [...parsed.problems],
  };
}

export function applyImport(doc: ElectionDefinition, request: DefinitionImportRequest): ImportOutcome {
  const outcome = merge(doc, request);
  // Rules across the whole election (e.g. streets pointing at districts the new file no longer has).
  const checked = validateElectionDefinition(outcome.next, { draft: true });
  const ruleProblems = checked.ok
    ? []
    : checked.error.map((e) => ({ line: 0, field: e.path, message: `Nach dem Import: ${e.message}`, severity: 'error' as const }));
  return { ...outcome, problems: [...outcome.problems, ...ruleProblems] };
}

export const hasErrors = (problems: readonly ImportProblemEntry[]): boolean => problems.some((p) => p.severity === 'error');
