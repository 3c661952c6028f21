export * from './election-summary';
export * from './elections.errors';
export * from './create-election';
export * from './definition-import';
export * from './definition-edits';
export * from './district-boundaries';
