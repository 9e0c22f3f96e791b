/** Stable error codes of the organisation module; their statuses and titles are in the server's problem table. */
export const organizationErrorCodes = [
  'AGENCY_NOT_FOUND',
  'AGENCY_CODE_INVALID',
  'AGENCY_CODE_TAKEN',
  'AGENCY_NOT_ACTIVE',
  'AGENCY_SUCCESSION_INVALID',
  'AGENCY_PARENT_INVALID',
] as const;
export type OrganizationErrorCode = (typeof organizationErrorCodes)[number];
