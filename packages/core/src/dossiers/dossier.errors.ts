/**
 * Stable codes of the dossier engine. A refused transition names why: the state, the actor, or the rule of law
 * that forbids it. The server maps each to a status (409 for rules and states, 403 for actors).
 */
import { domainError, type DomainError } from '../shared/index';
import type { DossierState } from './dossier-state';

export const dossierErrorCodes = [
  'DOSSIER_INVALID_STATE',
  'DOSSIER_ACTOR_NOT_ALLOWED',
  'DOSSIER_FIELD_REQUIRED',
  'DOSSIER_TIME_LIMIT_MISSING',
  'DOSSIER_POSTAL_NOT_ALLOWED',
  'DOSSIER_SUPPLEMENT_ALREADY_REQUESTED',
  'DOSSIER_EXTENSION_ALREADY_GRANTED',
  'DOSSIER_EXTENSION_TOO_LATE',
  'DOSSIER_EXTENSION_NOT_LATER',
  'DOSSIER_STEP_NOT_FOUND',
  'DOSSIER_STEP_NOT_ACTIVE',
  'DOSSIER_STEP_ALREADY_ASSIGNED',
  'DOSSIER_STEP_NOT_ASSIGNEE',
  'DOSSIER_ASSIGNEE_NOT_ELIGIBLE',
  'DOSSIER_STEP_RETURN_INVALID',
  'DOSSIER_WORKFLOW_INCOMPLETE',
  'DOSSIER_CONSULTATION_NOT_FOUND',
  'DOSSIER_CONSULTATION_PENDING',
  'DOSSIER_CONSULTATION_ANSWERED',
  'DOSSIER_LEG_NOT_FOUND',
  'DOSSIER_LEG_NOT_ACTIVE',
  'DOSSIER_INTER_AGENCY_PENDING',
  'DOSSIER_RESULT_EXISTS',
  'DOSSIER_ATTACHMENT_TYPE',
  'DOSSIER_ATTACHMENT_TOO_LARGE',
  'DOSSIER_ATTACHMENTS_TOO_LARGE',
  'DOSSIER_ATTACHMENT_MISSING',
  'DOSSIER_ATTACHMENT_UNKNOWN',
  'DOSSIER_DUE_TIME_UNCHANGED',
  'DOSSIER_TRACKING_FACTOR',
  'DOSSIER_DECLARATION_NOT_FOUND',
] as const;
export type DossierErrorCode = (typeof dossierErrorCodes)[number];
export type DossierError = DomainError<DossierErrorCode | 'NOT_FOUND' | 'STALE_VERSION'>;

export function invalidState(action: string, state: DossierState, allowed: readonly DossierState[]): DossierError {
  return domainError('DOSSIER_INVALID_STATE', `Cannot ${action} a dossier in state ${state}`, {
    action,
    state,
    allowed: [...allowed],
  });
}

export function actorNotAllowed(action: string, roles: readonly string[], agencyId: string | null): DossierError {
  return domainError('DOSSIER_ACTOR_NOT_ALLOWED', `Only ${roles.join(' or ')} of the agency may ${action}`, {
    action,
    roles: [...roles],
    agencyId,
  });
}

export function fieldRequired(field: string): DossierError {
  return domainError('DOSSIER_FIELD_REQUIRED', `${field} is required`, { field });
}
