export * from './election-summary';
export * from './elections.errors';
