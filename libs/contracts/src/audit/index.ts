export * from './audit.errors';
