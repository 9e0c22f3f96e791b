export * from './notification.ports';
