export * from './signature.ports';
