import type { ElectionKind, IsoDate } from '@wahl/domain';

// Wire shapes of the API routes this app uses (mirrors apps/api/src/modules/identity).
export type Role = 'provider-admin' | 'office-admin' | 'clerk' | 'board-member';
export type OfficeLevel = 'municipality' | 'county' | 'constituency' | 'land';

export type Actor = {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly officeId: string | null;
  /** Board members signed in with an access code: their election and the districts they report for. */
  readonly electionId?: string;
  readonly districtIds?: readonly string[];
};

export type Office = {
  readonly id: string;
  readonly name: string;
  readonly ags: string;
  readonly level: OfficeLevel;
  readonly parentId: string | null;
};

export type ElectionSummary = {
  readonly id: string;
  readonly name: string;
  readonly kind: ElectionKind;
  readonly electionDay: IsoDate;
};

/** One entry of a 422 problem's `errors`; plausibility findings (DOMAIN.md 4.2) add rule, severity and the Kennbuchstaben. */
export type ProblemError = {
  readonly path?: string;
  readonly message?: string;
  readonly rule?: string;
  readonly severity?: 'error' | 'warning';
  readonly fields?: readonly string[];
};

/** RFC 9457 problem body as rendered by the API's ProblemDetailsFilter. */
export type ProblemBody = {
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly code?: string;
  readonly errors?: readonly ProblemError[];
};
