// Synthetic resident registers for demos, tests and benchmarks: deterministic for a seed, pure (no I/O).
export * from './address-book';
export * from './age-pyramid';
export * from './civil-date';
export * from './name-pools';
export * from './nationalities';
export * from './prng';
export * from './register-csv';
export * from './resident-generator';
