export * from './user.repository';
export * from './session.repository';
export * from './throttle.repository';
export * from './oidc.repository';
export * from './step-officers';
