/**
 * When a decision is recorded after receipts were issued, due times of open dossiers may move. The law does not
 * let them be rewritten silently: the dossier engine lists the moves (this function) and a desk supervisor applies
 * them (an audited use case of the dossier engine). See docs/calendar.md, "Decisions after receipts".
 */
import type { DomainError } from '../shared/index';
import type { DueTimeInput, LegalClock } from './legal-clock';

export interface DueTimeShiftCandidate {
  /** The caller's key, e.g. a dossier id. */
  readonly id: string;
  /** Exactly what the current due time was computed from (restart instant, limit, pauses). */
  readonly input: DueTimeInput;
}

export interface DueTimeShift {
  readonly id: string;
  readonly before: Date;
  readonly after: Date;
}

export interface DueTimeShiftReport {
  /** Candidates whose due time differs between the two calendars, in the order given. */
  readonly shifts: DueTimeShift[];
  /** Candidates that have no due time under one of the calendars (paused, out of range). */
  readonly failures: { readonly id: string; readonly error: DomainError }[];
}

/** Which due times move, and to what, when `before` (the calendar the receipts used) becomes `after`. */
export function dueTimeShifts(
  candidates: readonly DueTimeShiftCandidate[],
  before: LegalClock,
  after: LegalClock,
): DueTimeShiftReport {
  const shifts: DueTimeShift[] = [];
  const failures: { id: string; error: DomainError }[] = [];
  for (const candidate of candidates) {
    const old = before.dueTime(candidate.input);
    const next = after.dueTime(candidate.input);
    if (!old.ok) {
      failures.push({ id: candidate.id, error: old.error });
      continue;
    }
    if (!next.ok) {
      failures.push({ id: candidate.id, error: next.error });
      continue;
    }
    if (old.value.dueAt.getTime() !== next.value.dueAt.getTime()) {
      shifts.push({ id: candidate.id, before: old.value.dueAt, after: next.value.dueAt });
    }
  }
  return { shifts, failures };
}
