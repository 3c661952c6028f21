export * from './council-count.errors';
export * from './council-result';
export * from './council-batch-requests';
