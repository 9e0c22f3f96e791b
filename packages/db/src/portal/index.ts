export * from './profile.repository';
export * from './draft.repository';
