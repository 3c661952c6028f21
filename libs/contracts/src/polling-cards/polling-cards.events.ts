// Socket events the polling cards emit to the office namespace (room of the election). Types only:
// the gateway joins this map into the office namespace's ServerToClient map.
import type { PollingCardJob } from './polling-card-job';

export type PollingCardsOfficeEvents = {
  /** Counts, rate and ETA of a print job; no voter data. */
  'cards:job': (job: PollingCardJob) => void;
};
