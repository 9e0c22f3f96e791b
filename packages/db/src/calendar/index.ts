export * from './calendar.repository';
export * from './calendar.loader';
