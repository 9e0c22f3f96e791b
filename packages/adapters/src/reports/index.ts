export * from './ii06a-workbook';
export * from './ii06a-pdf';
