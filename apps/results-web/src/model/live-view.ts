import type { Route } from '../router/routes';

// Which part of an election a page follows live (issue 16). With an area, the API sends only that
// area's view: the path from the root down to the area, then everything below it – a town of a Land-wide
// election is a few kilobytes and its deltas, not the Land's 10,000 districts and every one of their
// reports.

export type LiveView = {
  readonly electionId: string;
  /** null: the whole election. */
  readonly areaId: string | null;
};

/** What a page without an area must know before it joins (`…/current`): the root and the number of districts. */
export type ElectionSize = {
  readonly rootAreaId: string;
  readonly districts: number;
};

/**
 * Up to this many districts a page without an area follows the whole election; above it, the root's
 * view (the root and its children). The whole snapshot costs about 3 KB per district (Karlsruhe: 272
 * districts, 846 KB) and the socket sends it uncompressed, with every district's report in every
 * delta: 1,000 districts are 3 MB on a phone at 18:00. A town keeps its map of every district; a Land
 * or a city above this size shows its Wahlkreise, municipalities or Stadtbezirke, each on its own page.
 */
export const WHOLE_ELECTION_MAX_DISTRICTS = 1_000;

export type ElectionRoute = Extract<Route, { name: 'area' | 'embed' | 'kiosk' }>;

/** The area a page shows of its own: none on the town hall screen (it cycles), the overview and an embed without one. */
const ownArea = (route: ElectionRoute): string | null => (route.name === 'kiosk' ? null : route.areaId);

/** Whether the page shows no area of its own: its view depends on the size. */
export const followsStart = (route: ElectionRoute): boolean => ownArea(route) === null;

/**
 * The view of a page. An area page and an embed of an area follow their area. The overview, the town
 * hall screen (which cycles through the areas) and an embed without an area follow the whole election
 * – its map colours every district and the overview lists each Stadtteil's districts – unless the
 * election is larger than WHOLE_ELECTION_MAX_DISTRICTS: then the root's view. `size` null (unknown,
 * e.g. the pointer could not be read): the whole election, as a town always had it.
 */
export function liveViewOf(route: ElectionRoute, size: ElectionSize | null): LiveView {
  const areaId = ownArea(route);
  if (areaId !== null) return { electionId: route.electionId, areaId };
  const large = size !== null && size.districts > WHOLE_ELECTION_MAX_DISTRICTS;
  return { electionId: route.electionId, areaId: large ? size.rootAreaId : null };
}

/** Equal for two routes that follow the same view: moving between them keeps the live connection. */
export const liveViewKey = (view: LiveView): string => `${view.electionId}|${view.areaId ?? ''}`;

/** Whether a snapshot of `held` can show the pages of `wanted`: the same view, or the whole election. */
export const coversView = (held: LiveView | null, wanted: LiveView): boolean =>
  held !== null && held.electionId === wanted.electionId && (held.areaId === null || held.areaId === wanted.areaId);
