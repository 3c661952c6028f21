// The one public entry point of the domain library. Each capability appends its own exports.
export * from './result';
export * from './election/election-definition.types';
export * from './seat-allocation/seat-allocation.types';
export * from './seat-allocation/seat-allocation';
export * from './seat-allocation/exact-fraction';
export * from './seat-allocation/sainte-lague';
export * from './seat-allocation/d-hondt';
export * from './seat-allocation/hare-niemeyer';
