export * from './polling-day.errors';
export * from './polling-day-constants';
export * from './polling-day-requests';
export * from './polling-day-responses';
export * from './election-record';
