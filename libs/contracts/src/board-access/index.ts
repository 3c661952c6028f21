export * from './board-access.errors';
export * from './access-code-requests';
export * from './access-codes';
