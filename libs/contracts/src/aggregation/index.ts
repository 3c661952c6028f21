export * from './aggregation.errors';
export * from './totals';
