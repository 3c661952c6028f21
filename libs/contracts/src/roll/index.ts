export * from './roll.errors';
