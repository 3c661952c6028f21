export const ROLES = ['provider-admin', 'office-admin', 'clerk', 'board-member'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: resolved from the session cookie or bearer token by the access guard. */
export type Actor = {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  /** The office (Wahlamt) the user belongs to; null for provider administrators. */
  readonly officeId: string | null;
  /** Board members signed in with an access code: the one election and the districts they may report for. */
  readonly electionId?: string;
  readonly districtIds?: readonly string[];
};

export const OFFICE_STAFF: readonly Role[] = ['office-admin', 'clerk'];
