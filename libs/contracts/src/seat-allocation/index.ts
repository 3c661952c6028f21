export * from './seat-allocation.schemas';
export * from './seat-allocation.errors';
