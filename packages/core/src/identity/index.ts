export * from './identity.errors';
