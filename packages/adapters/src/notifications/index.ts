export * from './smtp-mailer';
export * from './vnpt-sms';
