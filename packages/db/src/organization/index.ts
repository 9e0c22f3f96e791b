export * from './agency.repository';
export * from './scope.repository';
export * from './organization.seed';
