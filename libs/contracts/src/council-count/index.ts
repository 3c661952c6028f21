export * from './council-count.errors';
