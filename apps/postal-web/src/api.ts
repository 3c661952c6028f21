// The public postal-voting API (apps/api/src/modules/postal-voting/public). Tokens go in request
// bodies only, never into an API address.

import type {
  FieldError,
  PostalAddress,
  PostalApplicationStatus,
  PostalDelivery,
  PostalLinkApplicationRequest,
  PostalLinkLookupResponse,
  PostalLinkVerifyRequest,
  PostalNameApplicationRequest,
  PostalPublicElection,
  PostalReceipt,
  PostalRepresentative,
  PostalVerifiedVoter,
  PollWorkerSignUpInfo,
  PollWorkerSignUpReceipt,
} from '@wahl/contracts';

// Wire shapes: the API's contract (libs/contracts/src/postal-voting), types only, so no zod in the bundle.
export type {
  FieldError as FieldProblem,
  PostalAddress as Address,
  PostalApplicationStatus as ApplicationState,
  PostalDelivery as Delivery,
  PostalPublicElection as PublicElection,
  PostalReceipt as Receipt,
  PostalVerifiedVoter as VerifiedVoter,
  PollWorkerSignUpInfo as SignUpInfo,
};

type DocumentAuthority = Extract<PostalRepresentative['authority'], { kind: 'document' }>;

/** A representative as the form sends it: the file's own type, which the server checks (422 unless PDF, JPEG or PNG). */
export type Representative = Omit<PostalRepresentative, 'authority'> & {
  authority:
    Exclude<PostalRepresentative['authority'], DocumentAuthority> | (Omit<DocumentAuthority, 'contentType'> & { contentType: string });
};

/** A request body with the representative as the form sends it. */
type WithRepresentative<T extends { representative?: unknown }> = Omit<T, 'representative'> & { representative?: Representative };

/** An answer other than success, as RFC 9457 problem details with German text. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors: readonly FieldError[],
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
    throw new ApiProblem(response.status, detail, Array.isArray(parsed['errors']) ? (parsed['errors'] as FieldError[]) : []);
  }
  return parsed as T;
}

export const postalApi = {
  elections: () => call<PostalPublicElection[]>('GET', '/api/public/postal-voting/elections'),
  lookup: (token: string) => call<PostalLinkLookupResponse>('POST', '/api/public/postal-voting/link', { token }),
  verify: (token: string, birthDate: string) =>
    call<PostalVerifiedVoter>('POST', '/api/public/postal-voting/link/verify', { token, birthDate } satisfies PostalLinkVerifyRequest),
  applyWithLink: (body: WithRepresentative<PostalLinkApplicationRequest>) =>
    call<PostalReceipt>('POST', '/api/public/postal-voting/link/applications', body),
  applyByName: (body: WithRepresentative<PostalNameApplicationRequest>) =>
    call<PostalReceipt>('POST', '/api/public/postal-voting/applications', body),
};

/** The volunteer sign-up (apps/api/src/modules/poll-workers): the server checks every field. */
export type SignUpBody = {
  person: {
    familyName: string;
    givenNames: string;
    birthDate: string;
    street: string;
    postalCode: string;
    city: string;
    email: string;
    phone: string | null;
    keepForNextElection: boolean;
  };
  availability: string;
  chairExperience: boolean;
  colleagueName: string;
  consent: boolean;
};

export const pollWorkerApi = {
  info: (electionId: string) => call<PollWorkerSignUpInfo>('GET', `/api/public/poll-workers/${encodeURIComponent(electionId)}`),
  signUp: (electionId: string, body: SignUpBody) =>
    call<PollWorkerSignUpReceipt>('POST', `/api/public/poll-workers/${encodeURIComponent(electionId)}/sign-up`, body),
};
