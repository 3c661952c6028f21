// The one public entry point of the domain library. Each capability appends its own exports.
export * from './result';
export * from './election/election-definition.types';
export * from './election/election-definition.schema';
export * from './election/deadlines';
export * from './election/house-number';
export { formatJsonPath } from './election/definition-path';
export { compareIsoDates, isIsoDate, nthDayBefore, weekdayOf } from './election/iso-date';
export * from './seat-allocation/seat-allocation.types';
export * from './seat-allocation/seat-allocation';
export * from './seat-allocation/exact-fraction';
export * from './seat-allocation/sainte-lague';
export * from './seat-allocation/d-hondt';
export * from './seat-allocation/hare-niemeyer';
export * from './seat-allocation/bundestag-2025';
