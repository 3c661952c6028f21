import { formatJsonPath, type PathSegment } from './definition-path';
import type { Candidate, Contest, ContestList, District, ElectionDefinition, PollingStation, Street } from './election-definition.types';

// What may change in an election's definition once other work rests on it. The roll, the printed
// polling cards and entered results point at districts, stations, lists and candidates; a change
// that alters what they say is refused with its reason, everything else (names, colours, areas,
// inhabitants, a list's spelling) is applied to the rows in place.

/** Work that rests on the definition: a built roll, printed polling cards, entered results. */
export type Dependent = 'roll' | 'cards' | 'results';
export type Dependents = Readonly<Record<Dependent, boolean>>;

export type ChangeConflict = {
  readonly dependent: Dependent;
  /** JSON path of the changed part in the new definition (or the old one when it was removed). */
  readonly path: string;
  /** German, for the office staff. */
  readonly message: string;
};

type Found = { readonly dependent: Dependent; readonly path: readonly PathSegment[]; readonly message: string };

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Pairs by key: the index in `after` (or in `before` for a removed one) with both versions. */
function pairs<T>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => string,
): { key: string; index: number; old?: T; next?: T }[] {
  const old = new Map(before.map((item) => [keyOf(item), item]));
  const next = new Map(after.map((item) => [keyOf(item), item]));
  return [
    ...after.map((item, index) => ({ key: keyOf(item), index, old: old.get(keyOf(item)), next: item })),
    ...before.flatMap((item, index) => (next.has(keyOf(item)) ? [] : [{ key: keyOf(item), index, old: item }])),
  ];
}

const ROLL_BY_DISTRICT = 'das Wählerverzeichnis wird je Wahlbezirk geführt und nummeriert (BWO § 14, R1.12)';
const ROLL_BY_STREET = 'das Wählerverzeichnis ordnet die Anschriften über das Straßenverzeichnis den Wahlbezirken zu (R2.4)';
const CARD_ROOM =
  'auf den gedruckten Wahlbenachrichtigungen stehen Wahlraum, Barrierefreiheit und Wahlzeit (BWO § 19(1) Nr. 2 und 3, KomWO § 4(1))';
const CARD_DISTRICT = 'die gedruckten Wahlbenachrichtigungen nennen den Wahlbezirk (BWO § 19(1))';
const RESULTS_DISTRICT = 'Ergebnisse sind je Wahlbezirk erfasst; Briefwahlergebnisse gehören zu ihrem Briefwahlbezirk (R2.5)';
const RESULTS_BALLOT = 'Ergebnisse sind je Stimmzettel, Wahlvorschlag und Bewerber erfasst';

function districtChanges(before: readonly District[], after: readonly District[]): Found[] {
  const out: Found[] = [];
  for (const { key, index, old, next } of pairs(before, after, (d) => d.number)) {
    const at: PathSegment[] = ['districts', index];
    if (!old || !next || old.kind !== next.kind) {
      const what = !old ? 'neu angelegt' : !next ? 'entfernt' : 'in seiner Art geändert';
      out.push({ dependent: 'roll', path: at, message: `Wahlbezirk ${key} würde ${what}: ${ROLL_BY_DISTRICT}.` });
      out.push({ dependent: 'results', path: at, message: `Wahlbezirk ${key} würde ${what}: ${RESULTS_DISTRICT}.` });
      continue;
    }
    if (old.name !== next.name)
      out.push({ dependent: 'cards', path: [...at, 'name'], message: `Name des Wahlbezirks ${key}: ${CARD_DISTRICT}.` });
    const station = (d: District) => (d.kind === 'polling' ? d.pollingStationId : undefined);
    const postal = (d: District) => (d.kind === 'polling' ? d.postalDistrict : undefined);
    if (station(old) !== station(next))
      out.push({ dependent: 'cards', path: [...at, 'pollingStationId'], message: `Wahlraum des Wahlbezirks ${key}: ${CARD_ROOM}.` });
    if (postal(old) !== postal(next))
      out.push({ dependent: 'results', path: [...at, 'postalDistrict'], message: `Briefwahlbezirk von ${key}: ${RESULTS_DISTRICT}.` });
  }
  return out;
}

/** A station's printed details matter only where a polling district votes there. */
function stationChanges(before: ElectionDefinition, after: ElectionDefinition): Found[] {
  const used = new Set(before.districts.flatMap((d) => (d.kind === 'polling' ? [d.pollingStationId] : [])));
  const printed = (s: PollingStation) => ({ ...s, id: undefined });
  return pairs(before.pollingStations, after.pollingStations, (s) => s.id).flatMap(({ key, index, old, next }): Found[] =>
    old && used.has(key) && (!next || !same(printed(old), printed(next)))
      ? [{ dependent: 'cards', path: ['pollingStations', index], message: `Wahlraum „${old.name}“: ${CARD_ROOM}.` }]
      : [],
  );
}

const candidateKey = (c: Candidate): string => String(c.position);

function listChanges(contest: number, before: readonly ContestList[], after: readonly ContestList[]): Found[] {
  const out: Found[] = [];
  for (const { key, index, old, next } of pairs(before, after, (l) => l.id)) {
    const at: PathSegment[] = ['contests', contest, 'lists', index];
    if (!old || !next) {
      out.push({
        dependent: 'results',
        path: at,
        message: `Wahlvorschlag „${key}“ würde ${old ? 'entfernt' : 'neu angelegt'}: ${RESULTS_BALLOT}.`,
      });
      continue;
    }
    if (old.ballotPosition !== next.ballotPosition)
      out.push({
        dependent: 'results',
        path: [...at, 'ballotPosition'],
        message: `Stimmzettel-Position von „${next.shortName}“: ${RESULTS_BALLOT}.`,
      });
    const positions = (l: ContestList) => l.candidates.map(candidateKey);
    if (!same(positions(old), positions(next)))
      out.push({
        dependent: 'results',
        path: [...at, 'candidates'],
        message: `Bewerber oder Listenplätze von „${next.shortName}“: ${RESULTS_BALLOT}.`,
      });
  }
  return out;
}

function contestChanges(before: readonly Contest[], after: readonly Contest[]): Found[] {
  const rules = (c: Contest) => [c.ballotType, c.votesPerBallot, c.maxVotesPerCandidate, c.seats];
  return pairs(before, after, (c) => c.id).flatMap(({ key, index, old, next }): Found[] => {
    if (!old || !next)
      return [
        {
          dependent: 'results',
          path: ['contests', index],
          message: `Stimmzettel „${key}“ würde ${old ? 'entfernt' : 'neu angelegt'}: ${RESULTS_BALLOT}.`,
        },
      ];
    return [
      ...(same(rules(old), rules(next))
        ? []
        : [
            {
              dependent: 'results' as const,
              path: ['contests', index],
              message: `Stimmenzahl, Sitze oder Art des Stimmzettels „${next.name}“: ${RESULTS_BALLOT} (R5.1).`,
            },
          ]),
      ...listChanges(index, old.lists, next.lists),
    ];
  });
}

function streetChanges(before: readonly Street[], after: readonly Street[]): Found[] {
  return pairs(before, after, (s) => s.key).flatMap(({ index, old, next }): Found[] =>
    !old || !next || !same(old.segments, next.segments)
      ? [{ dependent: 'roll', path: ['streets', index], message: `Straße „${(next ?? old)!.name}“: ${ROLL_BY_STREET}.` }]
      : [],
  );
}

/**
 * The changes from `before` to `after` that would make the given dependents wrong, each with its
 * German reason; empty when the change may be applied. Areas, names of lists, candidates, contests and
 * streets, colours and inhabitants are on none of them. Cards are printed from the roll, so what
 * invalidates the roll invalidates them as well.
 */
export function conflictingChanges(before: ElectionDefinition, after: ElectionDefinition, dependents: Dependents): ChangeConflict[] {
  const found = [
    ...districtChanges(before.districts, after.districts),
    ...stationChanges(before, after),
    ...contestChanges(before.contests, after.contests),
    ...streetChanges(before.streets, after.streets),
  ];
  return found
    .filter((f) => dependents[f.dependent] || (f.dependent === 'roll' && dependents.cards))
    .map((f) => ({ dependent: f.dependent, path: formatJsonPath(f.path), message: f.message }));
}
