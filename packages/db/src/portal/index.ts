export * from './profile.repository';
export * from './draft.repository';
export * from './notification.repository';
