export * from './aggregation.errors';
