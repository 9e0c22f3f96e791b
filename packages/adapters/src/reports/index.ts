export * from './ii06a-workbook';
export * from './ii07b-workbook';
export * from './ledger-workbook';
