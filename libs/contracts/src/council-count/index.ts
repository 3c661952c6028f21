export * from './council-count.errors';
export * from './council-result';
