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

export type ElectionRoute = Extract<Route, { name: 'area' | 'embed' | 'kiosk' }>;

export function liveViewOf(route: ElectionRoute): LiveView {
  switch (route.name) {
    // An area page and an embed show their area and what lies below it. The overview (no area in the
    // address) stays on the whole election: its map colours every district and it lists each
    // Stadtteil's districts, which are below the root's children.
    case 'area':
    case 'embed':
      return { electionId: route.electionId, areaId: route.areaId };
    // The town hall screen cycles through every area of the election.
    case 'kiosk':
      return { electionId: route.electionId, areaId: null };
  }
}

/** Equal for two routes that follow the same view: moving between them keeps the live connection. */
export const liveViewKey = (view: LiveView): string => `${view.electionId}|${view.areaId ?? ''}`;

/** Whether a snapshot of `held` can show the pages of `wanted`: the same view, or the whole election. */
export const coversView = (held: LiveView | null, wanted: LiveView): boolean =>
  held !== null && held.electionId === wanted.electionId && (held.areaId === null || held.areaId === wanted.areaId);
