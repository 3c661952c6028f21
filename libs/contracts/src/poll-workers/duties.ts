// Letters, trainings and refreshment money of the poll workers (issue #14).
export * from './iban';
export * from './payments';
export * from './trainings';
export * from './letters';
export * from './poll-worker-duties.errors';
