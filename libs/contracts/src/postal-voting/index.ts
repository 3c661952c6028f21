export * from './postal-voting.requests';
export * from './postal-voting.public';
export * from './postal-voting.office';
export * from './postal-voting.errors';
export * from './postal-voting.a3';
