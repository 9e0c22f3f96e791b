export * from './content-store.ports';
