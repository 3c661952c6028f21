// The only module of the public page that talks to the API. Public routes carry aggregates only
// (R8.5): nothing here ever asks for personal data.

export type PublishedElection = {
  readonly id: string;
  readonly name: string;
  readonly electionDay: string;
};

export class ResultsApiError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
    this.name = 'ResultsApiError';
  }
}

/** Published elections in the order the API sends them; empty while the route does not exist (404). */
export async function fetchPublishedElections(): Promise<PublishedElection[]> {
  let response: Response;
  try {
    response = await fetch('/api/public/elections', { headers: { accept: 'application/json' } });
  } catch {
    throw new ResultsApiError(0);
  }
  if (response.status === 404) return [];
  if (!response.ok) throw new ResultsApiError(response.status);
  const body: unknown = await response.json();
  if (Array.isArray(body)) return body as PublishedElection[];
  const items = (body as { items?: unknown } | null)?.items;
  return Array.isArray(items) ? (items as PublishedElection[]) : [];
}
