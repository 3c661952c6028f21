export * from './poll-workers.errors';
export * from './poll-workers-requests';
export * from './poll-workers-responses';
export { personFieldProblem, type PersonEntryField } from './person-check';
