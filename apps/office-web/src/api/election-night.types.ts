import type { CorrectionRequest } from '@wahl/contracts';
import type { Actor } from './office-api.types';

// Wire shapes of the election-night routes: the contract's types (libs/contracts: quick-reports,
// aggregation, board-access), re-exported for the office app.

export { DISTRICT_STATES } from '@wahl/contracts';
export type {
  AccessCodeSummary,
  BoardDistrict,
  ConfirmedWarning,
  DistrictKind,
  DistrictState,
  DistrictStatusEvent,
  DistrictStatusList,
  DistrictStatusView as DistrictStatus,
  FormContest,
  FormField,
  FormList,
  ListTotalsView as ListTotals,
  PollingStationRef as PollingStation,
  ProgressEvent,
  ReportActionResult,
  ReportComparison,
  ReportForm,
  ReportHistory,
  ReportOutcome,
  ReportVersion,
  TotalsView as Totals,
} from '@wahl/contracts';

import type { BoardSignInResponse } from '@wahl/contracts';

/**
 * The body of a quick report as the routes take it (the contract's request); `reason` for
 * corrections only; the confirmations' rule ids come from the server's findings.
 */
export type ReportSubmission = Omit<CorrectionRequest, 'reason' | 'confirmations'> & {
  readonly confirmations: readonly { readonly rule: string; readonly comment: string }[];
  readonly reason?: string;
};

/** The board sign-in's answer without the token (the session is the HTTP-only cookie). */
export type BoardSession = Omit<BoardSignInResponse, 'token' | 'user'> & { readonly user: Actor };
