export * from './audit.errors';
export * from './audit-log';
