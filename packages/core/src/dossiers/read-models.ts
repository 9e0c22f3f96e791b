/**
 * Read models built from the aggregate: the control sheet (Form 05/06: every hand-over, giver, receiver, times,
 * due time, early / on time / late), public tracking (status, timeline, due time — nothing personal), and the
 * second factor an applicant uses to track without an account.
 */
import { effectiveDueAt, partyOf, type Dossier, type Handover } from './dossier';
import { nationalStatusNames, type NationalStatus } from './dossier-state';
import { receptionCheckDueAt } from './timing';
import type { LegalClock } from './dossier.ports';
import type { DossierEvent } from './transition';

export interface ControlSheet {
  readonly dossierCode: string | null;
  readonly receivedAt: Date | null;
  readonly dueAt: Date | null;
  readonly extendedDueAt: Date | null;
  readonly timeliness: Dossier['timeliness'];
  readonly rows: readonly Handover[];
}

export function controlSheetOf(dossier: Dossier): ControlSheet {
  return {
    dossierCode: dossier.code,
    receivedAt: dossier.receivedAt,
    dueAt: dossier.dueAt,
    extendedDueAt: dossier.extendedDueAt,
    timeliness: dossier.timeliness,
    rows: [...dossier.handovers].sort((a, b) => a.seq - b.seq),
  };
}

export interface TrackingView {
  readonly code: string;
  readonly procedureName: string;
  readonly status: NationalStatus | null;
  readonly statusName: string | null;
  readonly receivedAt: Date | null;
  readonly dueAt: Date | null;
  readonly extendedDueAt: Date | null;
  readonly returnedAt: Date | null;
  readonly timeline: readonly { readonly at: Date; readonly status: NationalStatus | null; readonly statusName: string | null; readonly kind: string }[];
}

/** Public tracking: the events that changed the national status, or the due time, and nothing personal. */
export function trackingViewOf(dossier: Dossier, events: readonly DossierEvent[], status: NationalStatus | null): TrackingView {
  const timeline = events
    .filter((e) => e.toStatus !== e.fromStatus || e.kind === 'extend')
    .map((e) => ({ at: e.at, status: e.toStatus, statusName: e.toStatus ? nationalStatusNames[e.toStatus] : null, kind: e.kind }));
  return {
    code: dossier.code ?? '',
    procedureName: dossier.procedure.procedureName,
    status,
    statusName: status ? nationalStatusNames[status] : null,
    receivedAt: dossier.receivedAt,
    dueAt: dossier.dueAt,
    extendedDueAt: dossier.extendedDueAt,
    returnedAt: dossier.state === 'returned' ? (dossier.dossierReturn?.deliveredAt ?? dossier.closedAt) : null,
    timeline,
  };
}

/** The digits of a phone number (0912 345 678, +84 912345678 → 0912345678 / 84912345678). */
function digits(value: string): string {
  return value.replace(/\D/g, '');
}

/** The tracking second factor: the last 4 digits of the applicant's (or owner's) phone number. */
export function matchesTrackingFactor(dossier: Pick<Dossier, 'parties'>, lastDigits: string): boolean {
  const wanted = digits(lastDigits);
  if (wanted.length !== 4) return false;
  return [partyOf(dossier, 'applicant'), partyOf(dossier, 'owner')].some((p) => {
    const phone = p?.phone ? digits(p.phone) : '';
    return phone.length >= 4 && phone.slice(-4) === wanted;
  });
}

/** For the officer inbox: when the reception check of an online dossier is due (a countdown). */
export function receptionCheckDue(
  dossier: Pick<Dossier, 'state' | 'submittedAt' | 'supplementRequests'>,
  clock: LegalClock,
  workingHours: number,
): Date | null {
  if (dossier.state !== 'submitted') return null;
  const lastSupplement = dossier.supplementRequests
    .map((r) => r.providedAt)
    .filter((d): d is Date => d !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return receptionCheckDueAt(clock, lastSupplement ?? dossier.submittedAt, workingHours);
}

/** The due time that applies (extended, else legal). */
export { effectiveDueAt };
