import type { DistrictMap } from '@wahl/contracts';
import type { PublicArea, PublicAreaResult, PublicElectionSnapshot } from '@wahl/domain';
import { formatPercent } from '@wahl/web-kit';
import { areaHref } from '../router/routes';
import { FALLBACK_COLOR } from '../charts/shares-chart';

// Pure: the district map of an area page. Each district with a boundary gets a fill by the chosen
// colouring (winner, one list's share, turnout), a label saying the same in words, and a row of the
// table that is the map's text equivalent. R8.5: a withheld district shows no figures, only that
// it is not published singly.

export type MapColouring = { readonly kind: 'winner' } | { readonly kind: 'share'; readonly listId: string } | { readonly kind: 'turnout' };

export type MapDistrict = {
  readonly id: string;
  readonly number: string;
  readonly path: string;
  readonly href: string;
  readonly fill: string;
  /** Hatched: reported, but not published singly (R8.5/R8.7). */
  readonly withheld: boolean;
  /** "Wahlbezirk 00121 Hans-Thoma-Schule: CDU 30,1 %" – the accessible name and the table's row. */
  readonly label: string;
  readonly valueText: string;
};

export type LegendEntry = { readonly color: string; readonly text: string };

export type DistrictMapModel = {
  /** The SVG viewBox: the whole map, or fitted to the districts of the area shown. */
  readonly viewBox: string;
  readonly districts: readonly MapDistrict[];
  readonly legend: readonly LegendEntry[];
  readonly caption: string;
};

const PENDING = '#eef1f4';
const WITHHELD = '#b8c0ca';
/** Five classes from light to dark (colour-blind safe blues), for shares and turnout. */
const SCALE = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

const classOf = (value: number, bounds: readonly number[]): number => bounds.filter((bound) => value >= bound).length;

/** Equal steps between the lowest and highest value shown, rounded to whole percent. */
function boundsOf(values: readonly number[]): number[] {
  if (values.length === 0) return [20, 40, 60, 80];
  const low = Math.floor(Math.min(...values));
  const high = Math.ceil(Math.max(...values));
  const step = Math.max(1, (high - low) / SCALE.length);
  return [1, 2, 3, 4].map((index) => Math.round(low + index * step));
}

/** The ids of the areas below `areaId` (any depth). */
function descendantsOf(areas: readonly PublicArea[], areaId: string): Set<string> {
  const below = new Set<string>([areaId]);
  // Areas come parents first, so one pass collects every level.
  for (const area of areas) if (area.parentId !== null && below.has(area.parentId)) below.add(area.id);
  return below;
}

/** The box around paths written as the API writes them: sub-paths `M x y l dx dy … z`. */
export function pathBounds(paths: readonly string[]): { minX: number; minY: number; maxX: number; maxY: number } | null {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const include = (x: number, y: number): void => {
    box.minX = Math.min(box.minX, x);
    box.minY = Math.min(box.minY, y);
    box.maxX = Math.max(box.maxX, x);
    box.maxY = Math.max(box.maxY, y);
  };
  for (const path of paths) {
    for (const [, start, moves] of path.matchAll(/M([^l]*)l([^z]*)z/g)) {
      let [x, y] = start!.trim().split(/\s+/).map(Number) as [number, number];
      include(x, y);
      const steps = moves!.trim().split(/\s+/).map(Number);
      for (let index = 0; index + 1 < steps.length; index += 2) {
        x += steps[index]!;
        y += steps[index + 1]!;
        include(x, y);
      }
    }
  }
  return box.minX === Infinity ? null : box;
}

// A fitted view keeps a small margin, so that outlines at the edge are not cut.
const fittedViewBox = (paths: readonly string[], map: DistrictMap): string => {
  const box = pathBounds(paths);
  if (!box) return `0 0 ${map.width} ${map.height}`;
  const margin = Math.max(box.maxX - box.minX, box.maxY - box.minY) * 0.03;
  // Rounded outwards to whole units.
  const x = Math.floor(box.minX - margin);
  const y = Math.floor(box.minY - margin);
  return `${x} ${y} ${Math.ceil(box.maxX + margin) - x} ${Math.ceil(box.maxY + margin) - y}`;
};

/**
 * The map of the whole election, or (`withinAreaId`: a Stadtbezirk or Stadtteil) of that area's
 * districts only, fitted to them.
 */
export function buildDistrictMap(
  snapshot: PublicElectionSnapshot,
  map: DistrictMap,
  contestId: string,
  colouring: MapColouring,
  withinAreaId: string | null = null,
): DistrictMapModel {
  const within = withinAreaId === null ? null : descendantsOf(snapshot.areas, withinAreaId);
  const areaByNumber = new Map<string, PublicArea>();
  for (const area of snapshot.areas) if (area.level === 'district' && (!within || within.has(area.id))) areaByNumber.set(area.number, area);
  const results = new Map<string, PublicAreaResult>(snapshot.results.map((result) => [result.areaId, result]));
  const contest = snapshot.contests.find((candidate) => candidate.id === contestId);
  const listById = new Map((contest?.lists ?? []).map((list) => [list.id, list]));

  const valueOf = (result: PublicAreaResult | undefined): number | null => {
    if (!result || result.reported === 0 || result.publication.kind === 'withheld') return null;
    if (colouring.kind === 'turnout') return result.turnoutPercent;
    const counted = result.contests.find((candidate) => candidate.contestId === contestId);
    if (!counted || counted.valid === 0) return null;
    if (colouring.kind === 'share') {
      const votes = counted.lists.find((list) => list.listId === colouring.listId)?.votes ?? 0;
      return (100 * votes) / counted.valid;
    }
    return null;
  };
  const shown = map.districts.flatMap((district) => {
    const area = areaByNumber.get(district.number);
    const value = area ? valueOf(results.get(area.id)) : null;
    return value === null ? [] : [value];
  });
  const bounds = boundsOf(shown);

  const districts = map.districts.flatMap((district): MapDistrict[] => {
    const area = areaByNumber.get(district.number);
    if (!area) return [];
    const result = results.get(area.id);
    const name = `Wahlbezirk ${area.number} ${area.name}`;
    const base = { id: area.id, number: area.number, path: district.path, href: areaHref(snapshot.electionId, area.id, contestId) };
    if (!result || result.reported === 0)
      return [{ ...base, fill: PENDING, withheld: false, label: `${name}: noch nicht gemeldet`, valueText: 'noch nicht gemeldet' }];
    if (result.publication.kind === 'withheld')
      return [
        {
          ...base,
          fill: WITHHELD,
          withheld: true,
          label: `${name}: nicht einzeln veröffentlicht`,
          valueText: 'nicht einzeln veröffentlicht',
        },
      ];
    if (colouring.kind === 'winner') {
      const counted = result.contests.find((candidate) => candidate.contestId === contestId);
      const leader = [...(counted?.lists ?? [])].sort((a, b) => b.votes - a.votes)[0];
      const list = leader ? listById.get(leader.listId) : undefined;
      const share = leader && counted && counted.valid > 0 ? formatPercent((100 * leader.votes) / counted.valid) : '–';
      const text = list ? `${list.shortName} ${share}` : '–';
      return [{ ...base, fill: list?.color ?? FALLBACK_COLOR, withheld: false, label: `${name}: stärkste Kraft ${text}`, valueText: text }];
    }
    const value = valueOf(result);
    const text = value === null ? '–' : formatPercent(Math.round(value * 10) / 10);
    const what = colouring.kind === 'turnout' ? 'Wahlbeteiligung' : (listById.get(colouring.listId)?.shortName ?? '');
    return [
      {
        ...base,
        fill: value === null ? PENDING : SCALE[classOf(value, bounds)]!,
        withheld: false,
        label: `${name}: ${what} ${text}`,
        valueText: text,
      },
    ];
  });

  const fixed: LegendEntry[] = [
    { color: PENDING, text: 'noch nicht gemeldet' },
    { color: WITHHELD, text: 'nicht einzeln veröffentlicht (Wahlgeheimnis)' },
  ];
  let legend: LegendEntry[];
  if (colouring.kind === 'winner') {
    const leaders = new Set(districts.map((district) => district.fill));
    legend = (contest?.lists ?? []).filter((list) => leaders.has(list.color)).map((list) => ({ color: list.color, text: list.shortName }));
  } else {
    const edges = [null, ...bounds, null];
    legend = SCALE.map((color, index) => {
      const from = edges[index];
      const to = edges[index + 1];
      const text = from === null ? `unter ${to} %` : to === null ? `${from} % und mehr` : `${from} bis unter ${to} %`;
      return { color, text };
    });
  }
  const what =
    colouring.kind === 'winner'
      ? 'stärkste Kraft'
      : colouring.kind === 'turnout'
        ? 'Wahlbeteiligung'
        : `Anteil ${listById.get(colouring.listId)?.shortName ?? ''}`;
  return {
    viewBox: within
      ? fittedViewBox(
          districts.map((district) => district.path),
          map,
        )
      : `0 0 ${map.width} ${map.height}`,
    districts,
    legend: [...legend, ...fixed],
    caption: `Karte der Wahlbezirke: ${what}${contest ? ` (${contest.name})` : ''}`,
  };
}
