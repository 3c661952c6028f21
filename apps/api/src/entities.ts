import { AUDIT_ENTITIES } from './modules/audit/audit.entities';
import { BOARD_ACCESS_ENTITIES } from './modules/board-access/board-access.entities';
import { COUNCIL_COUNT_ENTITIES } from './modules/council-count/council-count.entities';
import { ELECTIONS_ENTITIES } from './modules/elections/elections.entities';
import { IDENTITY_ENTITIES } from './modules/identity/identity.entities';
import { POLL_WORKERS_ENTITIES } from './modules/poll-workers/poll-workers.entities';
import { LETTERS_ENTITIES } from './modules/poll-workers/letters/letters.entities';
import { PAYMENTS_ENTITIES } from './modules/poll-workers/payments/payments.entities';
import { TRAININGS_ENTITIES } from './modules/poll-workers/trainings/trainings.entities';
import { POLLING_DAY_ENTITIES } from './modules/polling-day/polling-day.entities';
import { POLLING_CARDS_ENTITIES } from './modules/polling-cards/polling-cards.entities';
import { POSTAL_VOTING_ENTITIES } from './modules/postal-voting/postal-voting.entities';
import { PUBLICATION_ENTITIES } from './modules/publication/publication.entities';
import { QUICK_REPORTS_ENTITIES } from './modules/quick-reports/quick-reports.entities';
import { RETENTION_ENTITIES } from './modules/retention/retention.entities';
import { ROLL_ENTITIES } from './modules/roll/roll.entities';
import { WEBHOOKS_ENTITIES } from './modules/webhooks/webhooks.entities';
import { RATE_LIMIT_ENTITIES } from './platform/rate-limits/rate-limits.module';

// Every TypeORM entity of the API (each module registers its own with forFeature): for the
// migration generator and the test that compares the migrations with the entities.
export const ENTITIES: readonly Function[] = [
  ...IDENTITY_ENTITIES,
  ...ELECTIONS_ENTITIES,
  ...COUNCIL_COUNT_ENTITIES,
  ...BOARD_ACCESS_ENTITIES,
  ...POLLING_DAY_ENTITIES,
  ...QUICK_REPORTS_ENTITIES,
  ...AUDIT_ENTITIES,
  ...PUBLICATION_ENTITIES,
  ...ROLL_ENTITIES,
  ...POLLING_CARDS_ENTITIES,
  ...POSTAL_VOTING_ENTITIES,
  ...RETENTION_ENTITIES,
  ...WEBHOOKS_ENTITIES,
  ...POLL_WORKERS_ENTITIES,
  ...PAYMENTS_ENTITIES,
  ...TRAININGS_ENTITIES,
  ...LETTERS_ENTITIES,
  ...RATE_LIMIT_ENTITIES,
];
