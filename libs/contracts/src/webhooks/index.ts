export * from './webhooks';
export * from './webhooks.errors';
