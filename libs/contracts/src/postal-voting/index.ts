export * from './postal-voting.errors';
