export * from './publication.errors';
