export * from './ids';
export * from './errors';
export * from './problem';
export * from './text';
