export * from './issued-document.repository';
export * from './use-case';
export * from './recent-approvals';
