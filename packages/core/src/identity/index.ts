export * from './identity.errors';
export * from './identifier';
export * from './lockout';
export * from './password-policy';
export * from './session-policy';
