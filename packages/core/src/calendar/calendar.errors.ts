/** Stable error codes of the calendar module (the server maps each to a status and titles). */
import { domainError, type DomainError } from '../shared/index';

export const calendarErrorCodes = [
  /** A date or instant outside the supported years 1900–2100 (or a due time that would fall outside them). */
  'CALENDAR_OUT_OF_RANGE',
  /** A time limit that is not a positive amount up to 1000 of a known unit. */
  'CALENDAR_INVALID_TIME_LIMIT',
  'CALENDAR_INVALID_DECISION',
  'CALENDAR_INVALID_WORKING_PERIODS',
  'CALENDAR_DECISION_NOT_FOUND',
  'CALENDAR_DECISION_ALREADY_REVOKED',
  'CALENDAR_AGENCY_NOT_FOUND',
  /** A due time was already extended once (NĐ 61 Art. 19(9)). */
  'CALENDAR_EXTENSION_ALREADY_USED',
  'CALENDAR_INVALID_EXTENSION',
  /** The clock is paused and not resumed: there is no due time until it runs again. */
  'CALENDAR_CLOCK_PAUSED',
] as const;
export type CalendarErrorCode = (typeof calendarErrorCodes)[number];
export type CalendarError = DomainError<CalendarErrorCode>;

export function calendarError(code: CalendarErrorCode, message: string, details?: Record<string, unknown>): CalendarError {
  return domainError(code, message, details);
}
