// The public postal-voting API (apps/api/src/modules/postal-voting/public). Tokens go in request
// bodies only, never into an API address.

export type PublicElection = {
  readonly electionId: string;
  readonly name: string;
  readonly electionDay: string;
  readonly municipality: string;
  readonly applicationsOpen: boolean;
  readonly deadline: string;
  readonly deadlineText: string;
  readonly office: {
    readonly name: string;
    readonly addressLines: readonly string[];
    readonly phone: string | null;
    readonly email: string | null;
    readonly website: string | null;
  } | null;
};

export type ApplicationState = {
  readonly reference: string;
  readonly state: string;
  readonly stateLabel: string;
  readonly message: string;
};

export type VerifiedVoter = {
  readonly election: PublicElection;
  readonly voter: { readonly name: string; readonly addressLines: readonly string[] };
  readonly application: ApplicationState | null;
};

export type Receipt = {
  readonly reference: string;
  readonly state: 'received';
  readonly receivedAt: string;
  readonly delivery: string;
  readonly message: string;
};

export type Address = {
  name?: string;
  addition?: string;
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
  country?: string;
};
export type Delivery = { kind: 'home' } | { kind: 'collection' } | { kind: 'other-address'; address: Address };
export type Representative = {
  name: string;
  address: Address;
  authority: { kind: 'declaration'; confirmed: true } | { kind: 'document'; fileName: string; contentType: string; dataBase64: string };
};

export type FieldProblem = { readonly path: string; readonly message: string; readonly code?: string };

/** An answer other than success, as RFC 9457 problem details with German text. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: readonly FieldProblem[],
  ) {
    super(detail);
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiProblem(0, 'Keine Verbindung. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.', []);
  }
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    const detail =
      typeof parsed['detail'] === 'string' ? parsed['detail'] : 'Ein Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.';
    throw new ApiProblem(response.status, detail, Array.isArray(parsed['errors']) ? (parsed['errors'] as FieldProblem[]) : []);
  }
  return parsed as T;
}

export const postalApi = {
  elections: () => call<PublicElection[]>('GET', '/api/public/postal-voting/elections'),
  lookup: (token: string) => call<{ election: PublicElection }>('POST', '/api/public/postal-voting/link', { token }),
  verify: (token: string, birthDate: string) => call<VerifiedVoter>('POST', '/api/public/postal-voting/link/verify', { token, birthDate }),
  applyWithLink: (body: { token: string; birthDate: string; delivery: Delivery; representative?: Representative }) =>
    call<Receipt>('POST', '/api/public/postal-voting/link/applications', body),
  applyByName: (body: {
    electionId: string;
    familyName: string;
    givenNames: string;
    birthDate: string;
    street: string;
    houseNumber: string;
    postalCode: string;
    delivery: Delivery;
    representative?: Representative;
  }) => call<Receipt>('POST', '/api/public/postal-voting/applications', body),
};
