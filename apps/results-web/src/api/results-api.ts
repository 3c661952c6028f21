import type {
  DistrictMap,
  PublicCurrentVersion,
  PublicDistrictLookup,
  PublicElectionAbout,
  PublicElectionSnapshot,
  PublicElectionSummary,
  PublicResultStatus,
  PublicTurnout,
} from '@wahl/contracts';
import type { ElectionSize } from '../model/live-view';
import type { PublicCouncilResults } from './council-result.types';

// The only module of the public page that talks to the API over HTTP (the live channel is in
// live-results.ts). Public routes carry aggregates only (R8.5): nothing here asks for personal data.

export class ResultsApiError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
    this.name = 'ResultsApiError';
  }
}

// `no-cache` revalidates with the server's ETag: unchanged data costs a 304 and no body.
async function getJson<T>(path: string, signal?: AbortSignal, cache: RequestCache = 'no-cache'): Promise<T | null> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' }, cache, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ResultsApiError(0);
  }
  if (response.status === 404) return null;
  if (!response.ok) throw new ResultsApiError(response.status);
  return (await response.json()) as T;
}

/** Elections with public results; empty while there are none (or the route answers 404). */
export async function fetchPublishedElections(): Promise<PublicElectionSummary[]> {
  const body = await getJson<unknown>('/api/public/elections');
  if (Array.isArray(body)) return body as PublicElectionSummary[];
  const items = (body as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? (items as PublicElectionSummary[]) : [];
}

/** The whole public state of an election; null when there is no such published election. */
export function fetchSnapshot(electionId: string, signal?: AbortSignal): Promise<PublicElectionSnapshot | null> {
  return getJson<PublicElectionSnapshot>(`/api/public/elections/${encodeURIComponent(electionId)}`, signal);
}

/** One area's view (the path from the root to the area, then everything below it); null for an unknown election or area. */
export function fetchAreaSnapshot(electionId: string, areaId: string, signal?: AbortSignal): Promise<PublicElectionSnapshot | null> {
  return getJson<PublicElectionSnapshot>(
    `/api/public/elections/${encodeURIComponent(electionId)}/areas/${encodeURIComponent(areaId)}`,
    signal,
  );
}

/**
 * The published snapshot (of the whole election, or with `areaId` of that area's view) if it is newer
 * than `knownVersion`, else `unchanged`; null when there is no such published election or area. Asks
 * the tiny current pointer, then the version's immutable address, which every cache keeps
 * (docs/NGINX.md); the plain address when a server has no pointer or not that version yet.
 */
export async function fetchNewerSnapshot(
  electionId: string,
  knownVersion: number | null,
  areaId: string | null = null,
  signal?: AbortSignal,
): Promise<PublicElectionSnapshot | 'unchanged' | null> {
  const pointer = await getJson<PublicCurrentVersion>(`/api/public/elections/${encodeURIComponent(electionId)}/current`, signal);
  if (pointer && knownVersion !== null && pointer.version <= knownVersion) return 'unchanged';
  const address = pointer && (areaId === null ? pointer.snapshot : pointer.area.replace('{areaId}', encodeURIComponent(areaId)));
  const versioned = address ? await getJson<PublicElectionSnapshot>(address, signal, 'default') : null;
  if (versioned) return versioned;
  return areaId === null ? fetchSnapshot(electionId, signal) : fetchAreaSnapshot(electionId, areaId, signal);
}

/**
 * The election's root and number of districts from the current pointer, which every cache keeps for
 * seconds; null when it cannot be read (no such election, a server without them, the origin down).
 */
export async function fetchElectionSize(electionId: string): Promise<ElectionSize | null> {
  try {
    const pointer = await getJson<Partial<PublicCurrentVersion>>(`/api/public/elections/${encodeURIComponent(electionId)}/current`);
    if (typeof pointer?.rootAreaId !== 'string' || typeof pointer.districts !== 'number') return null;
    return { rootAreaId: pointer.rootAreaId, districts: pointer.districts };
  } catch {
    // Unreadable (the origin down, not JSON): the page follows the whole election, as a town always did.
    return null;
  }
}

/** R2.4: the polling district of an address, from the election's street directory (no voter data). */
export async function lookupDistrict(electionId: string, street: string, houseNumber: string): Promise<PublicDistrictLookup> {
  const query = new URLSearchParams({ street, houseNumber });
  const body = await getJson<PublicDistrictLookup>(
    `/api/public/elections/${encodeURIComponent(electionId)}/district-lookup?${query.toString()}`,
  );
  if (!body) throw new ResultsApiError(404);
  return body;
}

/** Seats of the election's council contests (issue 7); null when it has none or does not exist (404). */
export function fetchCouncilResult(electionId: string, signal?: AbortSignal): Promise<PublicCouncilResults | null> {
  return getJson<PublicCouncilResults>(`/api/public/elections/${encodeURIComponent(electionId)}/council-result`, signal);
}

/** The office's legal pages and whether the election has a street directory; null for an unknown election. */
export function fetchElectionAbout(electionId: string): Promise<PublicElectionAbout | null> {
  return getJson<PublicElectionAbout>(`/api/public/elections/${encodeURIComponent(electionId)}/about`);
}

/** The turnout the office has published at its report times during election day (R7.12); null when none. */
export function fetchDayTurnout(electionId: string, signal?: AbortSignal): Promise<PublicTurnout | null> {
  return getJson<PublicTurnout>(`/api/public/elections/${encodeURIComponent(electionId)}/turnout`, signal);
}

/** How far the result has come (Zwischenergebnis, vorläufig, endgültig) with the number of districts per stage; null for an unknown election. */
export function fetchResultStatus(electionId: string, signal?: AbortSignal): Promise<PublicResultStatus | null> {
  return getJson<PublicResultStatus>(`/api/public/elections/${encodeURIComponent(electionId)}/result-status`, signal);
}

/** The district map of an election, loaded when a reader opens it; null when the election has none. */
export function fetchDistrictMap(electionId: string): Promise<DistrictMap | null> {
  return getJson<DistrictMap>(`/api/public/elections/${encodeURIComponent(electionId)}/map`);
}
