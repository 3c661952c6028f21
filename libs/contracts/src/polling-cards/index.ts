export * from './polling-cards.errors';
export * from './polling-cards.constants';
export * from './polling-cards.events';
export * from './polling-card-job';
