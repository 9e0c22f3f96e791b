export * from './agency';
export * from './agency-code';
export * from './organization.errors';
export * from './succession';
