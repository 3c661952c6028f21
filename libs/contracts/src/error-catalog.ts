import { COMMON_ERRORS, type ErrorSpec } from './common/errors';
import { AGGREGATION_ERRORS } from './aggregation/aggregation.errors';
import { AUDIT_ERRORS } from './audit/audit.errors';
import { BOARD_ACCESS_ERRORS } from './board-access/board-access.errors';
import { COUNCIL_COUNT_ERRORS } from './council-count/council-count.errors';
import { ELECTIONS_ERRORS } from './elections/elections.errors';
import { IDENTITY_ERRORS } from './identity/identity.errors';
import { POLLING_CARDS_ERRORS } from './polling-cards/polling-cards.errors';
import { POSTAL_VOTING_ERRORS } from './postal-voting/postal-voting.errors';
import { PUBLICATION_ERRORS } from './publication/publication.errors';
import { QUICK_REPORTS_ERRORS } from './quick-reports/quick-reports.errors';
import { ROLL_ERRORS } from './roll/roll.errors';
import { RETENTION_ERRORS } from './retention/retention.errors';
import { POLL_WORKERS_ERRORS } from './poll-workers/poll-workers.errors';
import { POLLING_DAY_ERRORS } from './polling-day/polling-day.errors';
import { SEAT_ALLOCATION_ERRORS } from './seat-allocation/seat-allocation.errors';
import { WEBHOOKS_ERRORS } from './webhooks/webhooks.errors';
import { REHEARSAL_ERRORS } from './rehearsal/rehearsal.errors';
import { POLL_WORKER_DUTIES_ERRORS } from './poll-workers/poll-worker-duties.errors';

/** Every error code of the API with its status and texts; the office app shows the text by code. */
export const ERROR_CATALOG = {
  ...COMMON_ERRORS,
  ...IDENTITY_ERRORS,
  ...ELECTIONS_ERRORS,
  ...ROLL_ERRORS,
  ...POLLING_CARDS_ERRORS,
  ...POSTAL_VOTING_ERRORS,
  ...BOARD_ACCESS_ERRORS,
  ...QUICK_REPORTS_ERRORS,
  ...AGGREGATION_ERRORS,
  ...AUDIT_ERRORS,
  ...PUBLICATION_ERRORS,
  ...COUNCIL_COUNT_ERRORS,
  ...RETENTION_ERRORS,
  ...POLLING_DAY_ERRORS,
  ...SEAT_ALLOCATION_ERRORS,
  ...WEBHOOKS_ERRORS,
  ...REHEARSAL_ERRORS,
  ...POLL_WORKERS_ERRORS,
  ...POLL_WORKER_DUTIES_ERRORS,
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(ERROR_CATALOG, code);
