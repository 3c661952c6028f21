export * from './board-access.errors';
