export * from './elections.errors';
