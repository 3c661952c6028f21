// The one public entry point of the domain library. Each capability appends its own exports.
export * from './result';
export * from './election/election-definition.types';
export * from './election/election-definition.schema';
export * from './election/deadlines';
export * from './election/election-draft';
export * from './election/import';
export * from './election/boundaries';
export {
  areaSchema,
  candidateSchema,
  contestSchema,
  deadlinesSchema,
  districtSchema,
  listSchema,
  pollingStationSchema,
  segmentSchema,
  streetSchema,
} from './election/election-definition.structure';
export * from './election/house-number';
export * from './election/candidate-name';
export { formatJsonPath } from './election/definition-path';
export { compareIsoDates, germanCalendarDay, isIsoDate, nthDayBefore, weekdayOf } from './election/iso-date';
export * from './seat-allocation/seat-allocation.types';
export * from './seat-allocation/seat-allocation';
export * from './seat-allocation/exact-fraction';
export * from './seat-allocation/sainte-lague';
export * from './seat-allocation/d-hondt';
export * from './seat-allocation/hare-niemeyer';
export * from './seat-allocation/bundestag-2025';
export * from './results/quick-report.types';
export * from './results/quick-report.schema';
export * from './results/number-format';
export * from './results/projection';
export * from './results/plausibility';
export * from './results/aggregation';
export * from './results/publication';
export * from './results/incremental-publication';
export * from './results/combined-totals';
export * from './council/council.types';
export * from './council/council-ballot';
export * from './council/council-tally';
export * from './council/council-seats';
export * from './roll/country-codes';
export * from './roll/eligibility';
export * from './roll/csv-line';
export * from './roll/register-record';
export * from './roll/collation';
export * from './roll/voter-numbering';
export * from './roll/roll-order-key';
export * from './roll/roll-entry-decider';
export * from './roll/roll-closing';
export * from './results/public-results.types';
export * from './polling-cards/card-record.types';
export * from './polling-cards/mailing-order';
export * from './polling-cards/inserter-code';
export * from './polling-cards/address-block';
export * from './results/open-data-csv';
export * from './results/polling-station-csv';
export * from './results/public-district-lookup.types';
export * from './election/street-search';
export * from './election/definition-change';
export * from './election/definition-edit';
export * from './postal/postal-deadline';
export * from './postal/postal-application';
export * from './postal/postal-numbers';
export * from './postal/applicant-match';
export * from './postal/a3-certificate';
export * from './retention/retention-periods';
export * from './polling-day/board-quorum';
export * from './results/council-release';
export * from './results/differencing';
export * from './results/release-plan';
export * from './results/partial-totals';
export * from './poll-workers/poll-worker.types';
export * from './poll-workers/poll-worker-eligibility';
export * from './poll-workers/poll-worker-duplicates';
export * from './poll-workers/assignment-proposal';
export * from './poll-workers/staff-list';
export * from './poll-workers/refreshment-money';
export * from './polling-day/result-status';
export * from './polling-day/check-code';
export * from './polling-day/turnout-release';
