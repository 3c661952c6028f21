export * from './publication.errors';
export * from './public-results';
export * from './previous-import';
export * from './open-data';
export * from './public-election-about';
export * from './public-current';
