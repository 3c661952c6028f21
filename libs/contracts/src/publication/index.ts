export * from './publication.errors';
export * from './public-results';
