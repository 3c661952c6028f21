export * from './quick-reports.errors';
export * from './district-states';
export * from './report-requests';
export * from './report-responses';
