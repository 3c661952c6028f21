// Wire shapes of the identity and election routes this app uses: the API's contract (libs/contracts).
export type {
  AccountSignature,
  Actor,
  CreateOfficeRequest,
  CreateUserRequest,
  ElectionSummary,
  Office,
  OfficeLevel,
  OfficeUser,
  OfficeUserListEntry,
  OfficeUserRole,
  PostalRepeatNotice,
  PasswordResetIssued,
  PostalRepeatNoticePage,
  RedeemPasswordReset,
  RegisterPullSources,
  Role,
  SignInRecord,
  SignInState,
  UpdateOfficeRequest,
  UpdateUserRequest,
} from '@wahl/contracts';
// A value from a contract file without zod (identity/roles.ts), so the bundle stays free of it.
export { OFFICE_LEVELS, OFFICE_USER_ROLES } from '@wahl/contracts';

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
