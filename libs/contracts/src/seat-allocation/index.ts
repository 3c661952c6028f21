export * from './seat-allocation.errors';
