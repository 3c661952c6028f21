export * from './retention.errors';
export * from './legal-hold-reasons';
export * from './retention-plan';
