import { err, ok, type Result } from '../result';
import type { Area, Contest, ContestList, District, ElectionDefinition, PollingStation, Street } from './election-definition.types';

// One part of an election's definition edited on its own (the editor's screens and routes): each
// function puts the part into the whole definition, which the definition's rules then check as a
// whole. The screens run the same functions while the clerk types, so both see the same problems.

export type EditProblem = { readonly path: string; readonly message: string };
export type Edited = Result<ElectionDefinition, EditProblem[]>;

/** Replaces the item with `key` or, with `mayAdd`, appends it; the item keeps its key. */
function put<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  key: string,
  item: T,
  what: string,
  mayAdd: boolean,
): Result<T[], EditProblem[]> {
  if (keyOf(item) !== key) return err([{ path: '$.key', message: `${what} behält die Kennung „${key}“ (neue Kennung: neu anlegen).` }]);
  const index = items.findIndex((x) => keyOf(x) === key);
  if (index < 0 && !mayAdd) return err([{ path: '$', message: `${what} „${key}“ gibt es in dieser Wahl nicht.` }]);
  return ok(index < 0 ? [...items, item] : items.map((x, i) => (i === index ? item : x)));
}

/**
 * A polling station (new or changed) and the polling districts that vote there. A district that voted
 * there and is no longer listed would be left without a room: it is named, the clerk moves it first.
 */
export function withPollingStation(
  doc: ElectionDefinition,
  key: string,
  station: PollingStation,
  districtNumbers: readonly string[],
): Edited {
  const stations = put(doc.pollingStations, (s) => s.id, key, station, 'Der Wahlraum', true);
  if (!stations.ok) return stations;
  const listed = new Set(districtNumbers);
  const problems: EditProblem[] = [];
  for (const number of listed) {
    const district = doc.districts.find((d) => d.number === number);
    if (district?.kind !== 'polling')
      problems.push({ path: '$.districts', message: `Einen Urnenwahlbezirk ${number} gibt es in dieser Wahl nicht.` });
  }
  for (const d of doc.districts) {
    if (d.kind === 'polling' && d.pollingStationId === key && !listed.has(d.number))
      problems.push({
        path: '$.districts',
        message: `Wahlbezirk ${d.number} wählt hier; wählen Sie für ihn zuerst einen anderen Wahlraum, dann fehlt er hier.`,
      });
  }
  if (problems.length > 0) return err(problems);
  const districts = doc.districts.map((d): District =>
    d.kind === 'polling' && listed.has(d.number) ? { ...d, pollingStationId: station.id } : d,
  );
  return ok({ ...doc, pollingStations: stations.value, districts });
}

export function withArea(doc: ElectionDefinition, key: string, area: Area): Edited {
  const areas = put(doc.areas ?? [], (a) => a.key, key, area, 'Das Gebiet', true);
  return areas.ok ? ok({ ...doc, areas: areas.value }) : areas;
}

export function withDistrict(doc: ElectionDefinition, number: string, district: District): Edited {
  const districts = put(doc.districts, (d) => d.number, number, district, 'Der Wahlbezirk', false);
  return districts.ok ? ok({ ...doc, districts: districts.value }) : districts;
}

/** A contest's own fields (name, kind of ballot, votes, seats); its lists stay. */
export type ContestHead = Omit<Contest, 'lists'>;

export function withContestHead(doc: ElectionDefinition, id: string, head: ContestHead): Edited {
  const old = doc.contests.find((c) => c.id === id);
  if (!old) return err([{ path: '$', message: `Den Stimmzettel „${id}“ gibt es in dieser Wahl nicht.` }]);
  const contests = put(doc.contests, (c) => c.id, id, { ...head, lists: old.lists }, 'Der Stimmzettel', false);
  return contests.ok ? ok({ ...doc, contests: contests.value }) : contests;
}

/** A list of a contest, new or changed, with its candidates in their order. */
export function withList(doc: ElectionDefinition, contestId: string, listId: string, list: ContestList): Edited {
  const contest = doc.contests.find((c) => c.id === contestId);
  if (!contest) return err([{ path: '$', message: `Den Stimmzettel „${contestId}“ gibt es in dieser Wahl nicht.` }]);
  const lists = put(contest.lists, (l) => l.id, listId, list, 'Der Wahlvorschlag', true);
  if (!lists.ok) return lists;
  return ok({ ...doc, contests: doc.contests.map((c) => (c === contest ? { ...c, lists: lists.value } : c)) });
}

/** A street of the directory, new or changed, with its house-number ranges (R2.4). */
export function withStreet(doc: ElectionDefinition, key: string, street: Street): Edited {
  const streets = put(doc.streets, (s) => s.key, key, street, 'Die Straße', true);
  return streets.ok ? ok({ ...doc, streets: streets.value }) : streets;
}

export function withoutStreet(doc: ElectionDefinition, key: string): Edited {
  if (!doc.streets.some((s) => s.key === key)) return err([{ path: '$', message: `Die Straße „${key}“ gibt es in dieser Wahl nicht.` }]);
  return ok({ ...doc, streets: doc.streets.filter((s) => s.key !== key) });
}

/** Removes a polling station no polling district votes in any more. */
export function withoutPollingStation(doc: ElectionDefinition, key: string): Edited {
  if (!doc.pollingStations.some((s) => s.id === key))
    return err([{ path: '$', message: `Den Wahlraum „${key}“ gibt es in dieser Wahl nicht.` }]);
  const voting = doc.districts.filter((d) => d.kind === 'polling' && d.pollingStationId === key).map((d) => d.number);
  if (voting.length > 0)
    return err([
      {
        path: '$.districts',
        message: `Hier wählen noch die Wahlbezirke ${voting.join(', ')}; wählen Sie für sie zuerst einen anderen Wahlraum.`,
      },
    ]);
  return ok({ ...doc, pollingStations: doc.pollingStations.filter((s) => s.id !== key) });
}

/** Removes an area that holds no other area and no district. */
export function withoutArea(doc: ElectionDefinition, key: string): Edited {
  const areas = doc.areas ?? [];
  if (!areas.some((a) => a.key === key)) return err([{ path: '$', message: `Das Gebiet „${key}“ gibt es in dieser Wahl nicht.` }]);
  const inside = [
    ...areas.filter((a) => a.parent === key).map((a) => a.name),
    ...doc.districts.filter((d) => d.area === key).map((d) => `Wahlbezirk ${d.number}`),
  ];
  if (inside.length > 0)
    return err([
      {
        path: '$',
        message: `Im Gebiet liegen noch ${inside.slice(0, 5).join(', ')}${inside.length > 5 ? ' …' : ''}; ordnen Sie sie zuerst anders zu.`,
      },
    ]);
  return ok({ ...doc, areas: areas.filter((a) => a.key !== key) });
}

/** Where a part sits in the whole definition, so that its problems can be shown at its fields. */
export function pathOfPart(doc: ElectionDefinition, part: EditedPart): string {
  switch (part.kind) {
    case 'pollingStation':
      return `$.pollingStations[${indexOr(
        doc.pollingStations.findIndex((s) => s.id === part.key),
        doc.pollingStations.length,
      )}]`;
    case 'area':
      return `$.areas[${indexOr(
        (doc.areas ?? []).findIndex((a) => a.key === part.key),
        (doc.areas ?? []).length,
      )}]`;
    case 'district':
      return `$.districts[${doc.districts.findIndex((d) => d.number === part.key)}]`;
    case 'contest':
      return `$.contests[${doc.contests.findIndex((c) => c.id === part.key)}]`;
    case 'list': {
      const c = doc.contests.findIndex((x) => x.id === part.contestId);
      const lists = doc.contests[c]?.lists ?? [];
      return `$.contests[${c}].lists[${indexOr(
        lists.findIndex((l) => l.id === part.key),
        lists.length,
      )}]`;
    }
    case 'street':
      return `$.streets[${indexOr(
        doc.streets.findIndex((s) => s.key === part.key),
        doc.streets.length,
      )}]`;
  }
}

export type EditedPart =
  | { readonly kind: 'pollingStation' | 'area' | 'district' | 'contest' | 'street'; readonly key: string }
  | { readonly kind: 'list'; readonly contestId: string; readonly key: string };

// A new item is appended: it sits after the existing ones.
const indexOr = (index: number, length: number): number => (index < 0 ? length : index);
