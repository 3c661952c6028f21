export * from './quick-reports.errors';
