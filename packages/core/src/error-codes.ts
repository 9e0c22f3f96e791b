/**
 * Every stable error code of the domain. Each module contributes its list; the server's problem table is typed
 * `satisfies Record<ErrorCode, ...>` so that a code without an HTTP status and titles does not compile.
 */
import { calendarErrorCodes } from './calendar/calendar.errors';
import { catalogErrorCodes } from './catalog/catalog.errors';
import { sharedErrorCodes } from './shared/domain-error';
import { organizationErrorCodes } from './organization/organization.errors';
import { identityErrorCodes } from './identity/identity.errors';
import { dossierErrorCodes } from './dossiers/dossier.errors';
import { monitoringErrorCodes } from './monitoring/monitoring.errors';
import { signatureErrorCodes } from './signatures/signature.errors';
import { documentErrorCodes } from './documents/document.errors';

export const errorCodes = [
  ...sharedErrorCodes,
  ...organizationErrorCodes,
  ...identityErrorCodes,
  ...calendarErrorCodes,
  ...dossierErrorCodes,
  ...catalogErrorCodes,
  ...monitoringErrorCodes,
  ...signatureErrorCodes,
  ...documentErrorCodes,
] as const;
export type ErrorCode = (typeof errorCodes)[number];
