import { ApiError, toApiError } from './api-error';
import type { Actor, ElectionSummary, Office } from './office-api.types';

// The only module that talks to the API. The session lives in the HTTP-only cookie `wahl_session`
// that POST /api/auth/login sets; same-origin credentials send it along, scripts never see it.

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: { accept: 'application/json, application/problem+json' } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, init);
  } catch {
    throw new ApiError(0, undefined, undefined, undefined);
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text && /json/.test(response.headers.get('content-type') ?? '')) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  if (!response.ok) throw toApiError(response.status, parsed, response.headers.get('retry-after'), new Date());
  return parsed as T;
}

/** The list routes may answer with a bare array or with `{ items }`; both are accepted. */
const itemsOf = <T>(body: unknown): T[] => {
  if (Array.isArray(body)) return body as T[];
  if (typeof body === 'object' && body !== null && Array.isArray((body as { items?: unknown }).items)) {
    return (body as { items: T[] }).items;
  }
  return [];
};

export const officeApi = {
  login: (username: string, password: string): Promise<{ user: Actor }> =>
    request<{ user: Actor }>('POST', '/auth/login', { username, password }),

  logout: (): Promise<void> => request<void>('POST', '/auth/logout'),

  /** The signed-in user, or null when there is no valid session. */
  me: async (): Promise<Actor | null> => {
    try {
      return await request<Actor>('GET', '/auth/me');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },

  office: (officeId: string): Promise<Office> => request<Office>('GET', `/offices/${encodeURIComponent(officeId)}`),

  offices: async (): Promise<Office[]> => itemsOf<Office>(await request<unknown>('GET', '/offices')),

  /** Null while the elections route does not exist on this server yet (404). */
  elections: async (): Promise<ElectionSummary[] | null> => {
    try {
      return itemsOf<ElectionSummary>(await request<unknown>('GET', '/elections'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
};
