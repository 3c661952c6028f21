import { z } from 'zod';
import { formatJsonPath, type PathSegment } from './definition-path';
import { DEADLINE_KEYS, DEADLINE_LABELS, resolveDeadlines } from './deadlines';
import type {
  Area,
  Contest,
  ContestList,
  District,
  ElectionDefinition,
  ElectionKind,
  IsoDate,
  PollingStation,
  PreviousAreaResult,
  Street,
  StreetSegment,
} from './election-definition.types';
import {
  areaSchema,
  contestSchema,
  deadlinesSchema,
  districtSchema,
  isoDate,
  listSchema,
  pollingStationSchema,
  previousResultSchema,
  segmentSchema,
  streetSchema,
  structureSchema,
  type Issue,
} from './election-definition.structure';
import { formatHouseNumber, parseSegmentRange, parseSingleHouseNumber, segmentsOverlap, type SegmentRange } from './house-number';
import { compareIsoDates, weekdayOf } from './iso-date';

// Cross-field rules of the election document. They run on every structurally valid part, even
// when other parts are broken, so that one pass reports every error: elements of the top-level
// lists, and inside a contest or street each list or segment. Keys used for look-ups are taken
// loosely (any element with a string key), so a broken station does not also make its districts
// "unresolved".

type Indexed<T> = { readonly index: number; readonly value: T };

type ContestView = Omit<Contest, 'lists'> & { readonly lists: readonly Indexed<ContestList>[] };
type StreetView = Omit<Street, 'segments'> & { readonly segments: readonly Indexed<StreetSegment>[] };

export type DefinitionView = {
  readonly kind: ElectionKind | undefined;
  readonly electionDay: IsoDate | undefined;
  readonly deadlines: ElectionDefinition['deadlines'];
  readonly areas: readonly Indexed<Area>[];
  readonly pollingStations: readonly Indexed<PollingStation>[];
  readonly districts: readonly Indexed<District>[];
  readonly contests: readonly Indexed<ContestView>[];
  readonly streets: readonly Indexed<StreetView>[];
  readonly previousElection:
    { readonly electionDay: IsoDate | undefined; readonly results: readonly Indexed<PreviousAreaResult>[] } | undefined;
  /** Loose look-up sets (see above). */
  readonly stationIds: ReadonlySet<string>;
  readonly areaKeys: ReadonlySet<string>;
  readonly districtKinds: ReadonlyMap<string, unknown>;
  readonly contestIds: ReadonlySet<string>;
};

const indexed = <T>(items: readonly T[]): Indexed<T>[] => items.map((value, index) => ({ index, value }));

export function viewOfValid(doc: ElectionDefinition): DefinitionView {
  return {
    kind: doc.kind,
    electionDay: doc.electionDay,
    deadlines: doc.deadlines,
    areas: indexed(doc.areas ?? []),
    pollingStations: indexed(doc.pollingStations),
    districts: indexed(doc.districts),
    contests: indexed(doc.contests.map((contest) => ({ ...contest, lists: indexed(contest.lists) }))),
    streets: indexed(doc.streets.map((street) => ({ ...street, segments: indexed(street.segments) }))),
    previousElection: doc.previousElection && {
      electionDay: doc.previousElection.electionDay,
      results: indexed(doc.previousElection.results),
    },
    stationIds: new Set(doc.pollingStations.map((s) => s.id)),
    areaKeys: new Set((doc.areas ?? []).map((a) => a.key)),
    districtKinds: new Map(doc.districts.map((d) => [d.number, d.kind])),
    contestIds: new Set(doc.contests.map((c) => c.id)),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

function validItems<T>(value: unknown, schema: z.ZodType<T>): Indexed<T>[] {
  const out: Indexed<T>[] = [];
  asArray(value).forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push({ index, value: parsed.data });
  });
  return out;
}

function looseStrings(value: unknown, field: string): string[] {
  return asArray(value).flatMap((item) => (isRecord(item) && typeof item[field] === 'string' ? [item[field]] : []));
}

function parsedOrUndefined<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

// A contest or street whose own fields are fine, whatever its lists or segments hold.
const contestHeadSchema = contestSchema.extend({ lists: z.unknown() });
const streetHeadSchema = streetSchema.extend({ segments: z.unknown() });

export function viewOfBroken(raw: unknown): DefinitionView {
  const doc = isRecord(raw) ? raw : {};
  const previous = isRecord(doc['previousElection']) ? doc['previousElection'] : undefined;
  return {
    kind: parsedOrUndefined(structureSchema.shape.kind, doc['kind']),
    electionDay: parsedOrUndefined(isoDate(), doc['electionDay']),
    deadlines: parsedOrUndefined(deadlinesSchema, doc['deadlines']),
    areas: validItems(doc['areas'], areaSchema),
    pollingStations: validItems(doc['pollingStations'], pollingStationSchema),
    districts: validItems(doc['districts'], districtSchema),
    contests: validItems(doc['contests'], contestHeadSchema).map(({ index, value }) => ({
      index,
      value: { ...value, lists: validItems(value.lists, listSchema) },
    })),
    streets: validItems(doc['streets'], streetHeadSchema).map(({ index, value }) => ({
      index,
      value: { ...value, segments: validItems(value.segments, segmentSchema) },
    })),
    previousElection: previous && {
      electionDay: parsedOrUndefined(isoDate(), previous['electionDay']),
      results: validItems(previous['results'], previousResultSchema),
    },
    stationIds: new Set(looseStrings(doc['pollingStations'], 'id')),
    areaKeys: new Set(looseStrings(doc['areas'], 'key')),
    districtKinds: new Map(
      asArray(doc['districts']).flatMap((d) => (isRecord(d) && typeof d['number'] === 'string' ? [[d['number'], d['kind']] as const] : [])),
    ),
    contestIds: new Set(looseStrings(doc['contests'], 'id')),
  };
}

/** Reports every repeated key after its first occurrence. */
function duplicates<T>(
  items: readonly Indexed<T>[],
  keyOf: (item: T) => string | number,
  pathOf: (index: number) => readonly PathSegment[],
  message: (item: T, firstPath: string) => string,
): Issue[] {
  const first = new Map<string | number, number>();
  const out: Issue[] = [];
  for (const { index, value } of items) {
    const k = keyOf(value);
    const seen = first.get(k);
    if (seen === undefined) first.set(k, index);
    else out.push({ path: pathOf(index), message: message(value, formatJsonPath(pathOf(seen))) });
  }
  return out;
}

const PARITY_NAMES = { all: 'alle', odd: 'ungerade', even: 'gerade' } as const;
const describeSegment = (range: SegmentRange): string =>
  `${formatHouseNumber(range.from)}–${formatHouseNumber(range.to)} (${PARITY_NAMES[range.parity]})`;

function electionIssues(view: DefinitionView): Issue[] {
  const out: Issue[] = [];
  if (view.electionDay !== undefined && weekdayOf(view.electionDay) !== 0) {
    // BWahlG § 16: election day is a Sunday or a public holiday. Holidays are not supported here.
    out.push({
      path: ['electionDay'],
      message: 'Der Wahltag muss ein Sonntag sein (BWahlG § 16 erlaubt auch gesetzliche Feiertage; diese werden nicht unterstützt).',
    });
  }
  if (view.electionDay !== undefined && view.kind !== undefined && view.deadlines) {
    const resolved = resolveDeadlines(view.kind, view.electionDay, view.deadlines);
    for (const k of DEADLINE_KEYS) {
      if (view.deadlines[k] !== undefined && compareIsoDates(resolved[k], view.electionDay) >= 0) {
        out.push({ path: ['deadlines', k], message: `${DEADLINE_LABELS[k]} muss vor dem Wahltag liegen.` });
      }
    }
    const ordered: readonly [keyof typeof resolved, keyof typeof resolved][] = [
      ['inspectionStart', 'inspectionEnd'],
      ['rollClosingEarliest', 'rollClosingLatest'],
    ];
    for (const [start, end] of ordered) {
      if (
        (view.deadlines[start] !== undefined || view.deadlines[end] !== undefined) &&
        compareIsoDates(resolved[start], resolved[end]) > 0
      ) {
        const at = view.deadlines[end] !== undefined ? end : start;
        out.push({
          path: ['deadlines', at],
          message: `${DEADLINE_LABELS[start]} (${resolved[start]}) liegt nach ${DEADLINE_LABELS[end]} (${resolved[end]}).`,
        });
      }
    }
  }
  if (view.previousElection?.electionDay && view.electionDay && compareIsoDates(view.previousElection.electionDay, view.electionDay) >= 0) {
    out.push({ path: ['previousElection', 'electionDay'], message: 'Die Vorwahl muss vor dem Wahltag liegen.' });
  }
  return out;
}

function areaIssues(view: DefinitionView): Issue[] {
  const out = duplicates(
    view.areas,
    (a) => a.key,
    (i) => ['areas', i, 'key'],
    (a, first) => `Die Gebietskennung „${a.key}“ kommt mehrfach vor (zuerst bei ${first}).`,
  );
  const parentOf = new Map(view.areas.map(({ value }) => [value.key, value.parent]));
  for (const { index, value: area } of view.areas) {
    if (area.parent === undefined) continue;
    if (!view.areaKeys.has(area.parent)) {
      out.push({ path: ['areas', index, 'parent'], message: `Das übergeordnete Gebiet „${area.parent}“ gibt es in areas nicht.` });
      continue;
    }
    // The areas form a tree below the municipality: following the parents must end at the root.
    const seen = new Set([area.key]);
    for (let at: string | undefined = area.parent; at !== undefined; at = parentOf.get(at)) {
      if (seen.has(at)) {
        out.push({
          path: ['areas', index, 'parent'],
          message: `Das Gebiet „${area.key}“ liegt über „${area.parent}“ in sich selbst (Kreis).`,
        });
        break;
      }
      seen.add(at);
    }
  }
  view.districts.forEach(({ index, value: district }) => {
    if (district.area !== undefined && !view.areaKeys.has(district.area)) {
      out.push({ path: ['districts', index, 'area'], message: `Das Gebiet „${district.area}“ gibt es in areas nicht.` });
    }
  });
  return out;
}

function districtIssues(view: DefinitionView): Issue[] {
  const out: Issue[] = [];
  out.push(
    ...duplicates(
      view.pollingStations,
      (s) => s.id,
      (i) => ['pollingStations', i, 'id'],
      (s, first) => `Die Wahlraum-Kennung „${s.id}“ kommt mehrfach vor (zuerst bei ${first}).`,
    ),
    ...duplicates(
      view.districts,
      (d) => d.number,
      (i) => ['districts', i, 'number'],
      (d, first) => `Die Bezirksnummer „${d.number}“ kommt mehrfach vor (zuerst bei ${first}).`,
    ),
  );
  for (const { index, value: district } of view.districts) {
    if (district.kind !== 'polling') continue;
    if (!view.stationIds.has(district.pollingStationId)) {
      out.push({
        path: ['districts', index, 'pollingStationId'],
        message: `Den Wahlraum „${district.pollingStationId}“ gibt es in pollingStations nicht.`,
      });
    }
    if (district.postalDistrict !== undefined) {
      const kind = view.districtKinds.get(district.postalDistrict);
      if (kind === undefined) {
        out.push({
          path: ['districts', index, 'postalDistrict'],
          message: `Den Briefwahlbezirk „${district.postalDistrict}“ gibt es nicht.`,
        });
      } else if (kind !== 'postal') {
        // P10/R2.5: a polling district's postal ballots are counted in a Briefwahlbezirk.
        out.push({
          path: ['districts', index, 'postalDistrict'],
          message: `Der Bezirk „${district.postalDistrict}“ ist kein Briefwahlbezirk (kind „postal“).`,
        });
      }
    }
  }
  const hasPolling = [...view.districtKinds.values()].includes('polling');
  if (view.districtKinds.size > 0 && !hasPolling)
    out.push({ path: ['districts'], message: 'Mindestens ein Urnenwahlbezirk (kind „polling“) ist nötig.' });
  return out;
}

function contestIssues(view: DefinitionView): Issue[] {
  const out: Issue[] = [];
  out.push(
    ...duplicates(
      view.contests,
      (c) => c.id,
      (i) => ['contests', i, 'id'],
      (c, first) => `Die Stimmzettel-Kennung „${c.id}“ kommt mehrfach vor (zuerst bei ${first}).`,
    ),
  );
  for (const { index: c, value: contest } of view.contests) {
    const lists = contest.lists;
    const at = (...rest: PathSegment[]): PathSegment[] => ['contests', c, ...rest];
    out.push(
      ...duplicates(
        lists,
        (l) => l.id,
        (i) => at('lists', i, 'id'),
        (l, first) => `Die Wahlvorschlags-Kennung „${l.id}“ kommt in diesem Stimmzettel mehrfach vor (zuerst bei ${first}).`,
      ),
      ...duplicates(
        lists,
        (l) => l.ballotPosition,
        (i) => at('lists', i, 'ballotPosition'),
        (l, first) => `Die Stimmzettel-Position ${l.ballotPosition} ist mehrfach vergeben (zuerst bei ${first}).`,
      ),
    );
    for (const { index: l, value: list } of lists) {
      out.push(
        ...duplicates(
          indexed(list.candidates),
          (p) => p.position,
          (i) => at('lists', l, 'candidates', i, 'position'),
          (p, first) => `Der Listenplatz ${p.position} ist mehrfach vergeben (zuerst bei ${first}).`,
        ),
      );
    }
    if (contest.ballotType === 'council') {
      if (contest.seats === undefined) {
        out.push({ path: at('seats'), message: 'Bei einer Wahl mit Kumulieren und Panaschieren ist die Zahl der Sitze anzugeben (R5.1).' });
      } else {
        if (contest.votesPerBallot !== contest.seats) {
          out.push({
            path: at('votesPerBallot'),
            message: `Jede Wählerin hat so viele Stimmen, wie Sitze zu vergeben sind (R5.1, GemO § 26(2)): ${contest.seats} statt ${contest.votesPerBallot}.`,
          });
        }
        for (const { index: l, value: list } of lists) {
          if (list.candidates.length > contest.seats) {
            out.push({
              path: at('lists', l, 'candidates'),
              message: `Der Wahlvorschlag „${list.shortName}“ hat ${list.candidates.length} Bewerber, es sind aber nur ${contest.seats} Sitze zu vergeben (R5.4).`,
            });
          }
        }
      }
      if (contest.maxVotesPerCandidate !== 3) {
        out.push({
          path: at('maxVotesPerCandidate'),
          message: `Beim Kumulieren erhält eine Person bis zu 3 Stimmen (R5.2, GemO § 26(2)), nicht ${contest.maxVotesPerCandidate}.`,
        });
      }
    } else {
      if (contest.votesPerBallot !== 1)
        out.push({ path: at('votesPerBallot'), message: 'Ohne Kumulieren hat jeder Stimmzettel genau 1 Stimme.' });
      if (contest.maxVotesPerCandidate !== 1)
        out.push({ path: at('maxVotesPerCandidate'), message: 'Ohne Kumulieren erhält ein Bewerber höchstens 1 Stimme.' });
    }
    if (contest.ballotType === 'candidate') {
      for (const { index: l, value: list } of lists) {
        if (list.candidates.length !== 1) {
          out.push({
            path: at('lists', l, 'candidates'),
            message: `Auf einem Personenstimmzettel hat jeder Wahlvorschlag genau eine Bewerberin oder einen Bewerber (hier ${list.candidates.length}).`,
          });
        }
      }
    }
  }
  return out;
}

function streetIssues(view: DefinitionView): Issue[] {
  const out: Issue[] = [];
  out.push(
    ...duplicates(
      view.streets,
      (s) => s.key,
      (i) => ['streets', i, 'key'],
      (st, first) => `Der Straßenschlüssel „${st.key}“ kommt mehrfach vor (zuerst bei ${first}).`,
    ),
  );
  for (const { index: s, value: street } of view.streets) {
    const ranges: { index: number; range: SegmentRange }[] = [];
    for (const { index: g, value: segment } of street.segments) {
      const at = (...rest: PathSegment[]): PathSegment[] => ['streets', s, 'segments', g, ...rest];
      const kind = view.districtKinds.get(segment.district);
      if (kind === undefined) out.push({ path: at('district'), message: `Den Wahlbezirk „${segment.district}“ gibt es nicht.` });
      else if (kind !== 'polling')
        out.push({
          path: at('district'),
          message: `Der Bezirk „${segment.district}“ ist kein Urnenwahlbezirk; Straßen werden nur Urnenwahlbezirken zugeordnet (R2.4, R2.5).`,
        });
      const from = parseSingleHouseNumber(segment.from);
      const to = parseSingleHouseNumber(segment.to);
      if (!from) out.push({ path: at('from'), message: 'Keine gültige Hausnummer (ab 1; z. B. 12, 12a, 12/1).' });
      if (!to) out.push({ path: at('to'), message: 'Keine gültige Hausnummer (ab 1; z. B. 12, 12a, 12/1).' });
      if (!from || !to) continue;
      const range = parseSegmentRange(segment);
      if (!range) {
        out.push({ path: at('to'), message: `Der Bereich endet (${segment.to}) vor seinem Anfang (${segment.from}).` });
        continue;
      }
      // R2.4: segments of one street must not overlap; report each pair at the later segment.
      for (const earlier of ranges) {
        if (segmentsOverlap(earlier.range, range)) {
          out.push({
            path: at(),
            message:
              `Der Hausnummernbereich ${describeSegment(range)} überschneidet sich mit dem Bereich ${describeSegment(earlier.range)} ` +
              `(${formatJsonPath(['streets', s, 'segments', earlier.index])}) in der Straße „${street.name}“ (R2.4).`,
          });
        }
      }
      ranges.push({ index: g, range });
    }
  }
  return out;
}

function previousIssues(view: DefinitionView): Issue[] {
  if (!view.previousElection) return [];
  const out: Issue[] = [];
  const at = (i: number, field: string): PathSegment[] => ['previousElection', 'results', i, field];
  for (const { index, value } of view.previousElection.results) {
    if (value.area !== 'municipality' && !view.districtKinds.has(value.area)) {
      out.push({
        path: at(index, 'area'),
        message: `Das Gebiet „${value.area}“ ist weder eine Bezirksnummer dieser Wahl noch „municipality“.`,
      });
    }
    if (!view.contestIds.has(value.contest)) {
      out.push({ path: at(index, 'contest'), message: `Den Stimmzettel „${value.contest}“ gibt es in dieser Wahl nicht.` });
    }
  }
  out.push(
    ...duplicates(
      view.previousElection.results,
      (r) => `${r.area}\u0000${r.contest}`,
      (i) => at(i, 'area'),
      (r, first) => `Für Gebiet „${r.area}“ und Stimmzettel „${r.contest}“ gibt es bereits ein Ergebnis (${first}).`,
    ),
  );
  return out;
}

export function crossFieldIssues(view: DefinitionView): Issue[] {
  return [
    ...electionIssues(view),
    ...areaIssues(view),
    ...districtIssues(view),
    ...contestIssues(view),
    ...streetIssues(view),
    ...previousIssues(view),
  ];
}
