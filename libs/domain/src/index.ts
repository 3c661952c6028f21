// The one public entry point of the domain library. Each capability appends its own exports.
export * from './result';
export * from './election/election-definition.types';
