// Client routes of the public page. The API answers deep links under /wahl, /embed and /kiosk with
// index.html (apps/api/src/create-app.ts), so every view here is a shareable address.
export type Route =
  | { readonly name: 'home' }
  /** Overview of an election (areaId null = the whole election) or of one area below it. */
  | { readonly name: 'area'; readonly electionId: string; readonly areaId: string | null; readonly contestId: string | null }
  /** Minimal chrome for an iframe on another website. */
  | { readonly name: 'embed'; readonly electionId: string; readonly areaId: string | null; readonly contestId: string | null }
  /** Full screen for the town hall: cycles through the areas. */
  | { readonly name: 'kiosk'; readonly electionId: string; readonly contestId: string | null; readonly intervalSeconds: number }
  /** Seats of a council election (Gemeinderat): distribution, elected candidates, substitutes. */
  | { readonly name: 'seats'; readonly electionId: string }
  | { readonly name: 'not-found' };

export const DEFAULT_KIOSK_SECONDS = 12;
const MIN_KIOSK_SECONDS = 4;
const MAX_KIOSK_SECONDS = 600;

const segment = (value: string): string | null => {
  try {
    const decoded = decodeURIComponent(value);
    return decoded.length > 0 && decoded.length <= 200 ? decoded : null;
  } catch {
    return null;
  }
};

const kioskSeconds = (value: string | null): number => {
  const seconds = Number(value);
  if (!value || !Number.isFinite(seconds)) return DEFAULT_KIOSK_SECONDS;
  return Math.min(MAX_KIOSK_SECONDS, Math.max(MIN_KIOSK_SECONDS, Math.round(seconds)));
};

/** `pathname` and `search` of the page address → the view to show. */
export function parseRoute(pathname: string, search = ''): Route {
  const parts = pathname.split('/').filter((part) => part !== '');
  const query = new URLSearchParams(search);
  const contestId = query.get('stimme') || null;
  if (parts.length === 0) return { name: 'home' };
  const electionId = parts[1] === undefined ? null : segment(parts[1]);
  if (!electionId) return { name: 'not-found' };
  if (parts[0] === 'wahl' && (parts.length === 2 || (parts.length === 4 && parts[2] === 'gebiet'))) {
    const areaId = parts.length === 4 ? segment(parts[3]!) : null;
    if (parts.length === 4 && !areaId) return { name: 'not-found' };
    if (query.get('kiosk') === '1') return { name: 'kiosk', electionId, contestId, intervalSeconds: kioskSeconds(query.get('sekunden')) };
    return { name: 'area', electionId, areaId, contestId };
  }
  if (parts[0] === 'wahl' && parts.length === 3 && parts[2] === 'sitze') return { name: 'seats', electionId };
  if (parts[0] === 'embed' && parts.length === 2) return { name: 'embed', electionId, areaId: query.get('gebiet') || null, contestId };
  if (parts[0] === 'kiosk' && parts.length === 2)
    return { name: 'kiosk', electionId, contestId, intervalSeconds: kioskSeconds(query.get('sekunden')) };
  return { name: 'not-found' };
}

const withQuery = (path: string, query: Record<string, string | null | undefined>): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
};

/** The address of an area page; the chosen contest travels along so that drilling down keeps it. */
export function areaHref(electionId: string, areaId: string | null, contestId?: string | null): string {
  const base = `/wahl/${encodeURIComponent(electionId)}`;
  return withQuery(areaId ? `${base}/gebiet/${encodeURIComponent(areaId)}` : base, { stimme: contestId });
}

export function embedHref(electionId: string, areaId: string | null, contestId?: string | null): string {
  return withQuery(`/embed/${encodeURIComponent(electionId)}`, { gebiet: areaId, stimme: contestId });
}

export function kioskHref(electionId: string, contestId?: string | null): string {
  return withQuery(`/kiosk/${encodeURIComponent(electionId)}`, { stimme: contestId });
}

export function seatsHref(electionId: string): string {
  return `/wahl/${encodeURIComponent(electionId)}/sitze`;
}

/** A file of the election's open data (docs/OPEN-DATA.md). */
export const openDataHref = (electionId: string, file: string): string =>
  `/api/public/elections/${encodeURIComponent(electionId)}/open-data/${file}`;
