export * from './polling-cards.errors';
