export * from './roles';
export * from './identity.schemas';
export * from './identity.errors';
