export * from './signature.ports';
export * from './signature.errors';
export * from './certificates';
export * from './verification';
