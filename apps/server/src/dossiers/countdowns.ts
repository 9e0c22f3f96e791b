/**
 * Countdowns in working time for the officer's lists (inbox, online queue, deadlines) and the dossier page: the
 * legal clock of the agency whose clock runs (the receiving desk's for the online check, the competent agency's
 * afterwards, as the engine computes the due times), from the server's now. One definition (core `workingCountdown`).
 */
import { workingCountdown, type LegalClock, type LegalClockProvider } from '@motcua/core/dossiers';
import type { WorkingCountdownDto } from '@motcua/contracts/dossiers';

export type CountdownKind = WorkingCountdownDto['kind'];

export function countdownDto(clock: LegalClock, now: Date, dueAt: Date, kind: CountdownKind): WorkingCountdownDto {
  const c = workingCountdown(clock, now, dueAt);
  return {
    dueAt: dueAt.toISOString(),
    kind,
    state: c.state,
    workingMinutes: c.workingMinutes,
    days: c.days,
    hours: c.hours,
    minutes: c.minutes,
    workingDayMinutes: c.workingDayMinutes,
    asOf: now.toISOString(),
  };
}

interface CountdownRow {
  state: string;
  receivingAgencyId: string;
  competentAgencyId: string;
  dueAt: Date | null;
  extendedDueAt: Date | null;
  activeStep: { dueAt: Date | null } | null;
  /** Held elsewhere, listed because my unit must answer a consultation due at `consultationToAnswerDueAt`. */
  consultedOnly?: boolean;
  consultationToAnswerDueAt?: Date | null;
}

/**
 * The countdown that matters for a row (the reception check's for an online dossier, the consultation's for a
 * dossier held elsewhere that my unit must answer, else the active step's, else the dossier's) and the dossier's own; `checkDueAt` is the online check's due time when the row is in status 1.
 */
export async function rowCountdowns(clocks: LegalClockProvider, now: Date, row: CountdownRow, checkDueAt: Date | null) {
  if (row.state === 'submitted') {
    const countdown = checkDueAt ? countdownDto(await clocks.clockFor(row.receivingAgencyId), now, checkDueAt, 'reception_check') : null;
    return { countdown, dossierCountdown: null };
  }
  if (row.consultedOnly && row.consultationToAnswerDueAt) {
    // The consulted unit's deadline is the answer's, not the holder's step.
    const clock = await clocks.clockFor(row.competentAgencyId);
    return { countdown: countdownDto(clock, now, row.consultationToAnswerDueAt, 'consultation'), dossierCountdown: null };
  }
  const dossierDue = row.extendedDueAt ?? row.dueAt;
  const stepDue = row.activeStep?.dueAt ?? null;
  if (!dossierDue && !stepDue) return { countdown: null, dossierCountdown: null };
  const clock = await clocks.clockFor(row.competentAgencyId);
  const dossierCountdown = dossierDue ? countdownDto(clock, now, dossierDue, 'dossier') : null;
  return { countdown: stepDue ? countdownDto(clock, now, stepDue, 'step') : dossierCountdown, dossierCountdown };
}

/** One clock per agency for a whole list (each look-up of the shared cache costs a lineage query). */
export function clocksOfOneRequest(provider: LegalClockProvider): LegalClockProvider {
  const seen = new Map<string, Promise<LegalClock>>();
  return {
    clockFor: (agencyId) => {
      const clock = seen.get(agencyId) ?? Promise.resolve(provider.clockFor(agencyId));
      seen.set(agencyId, clock);
      return clock;
    },
  };
}
