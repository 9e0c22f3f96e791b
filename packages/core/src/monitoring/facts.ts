/**
 * One dossier's monitoring facts, folded from its events (dossier_event) — the single definition every figure,
 * report, dashboard and list uses (legal-spec §3.4 on-time rule, §12 reports). Nothing is typed in by hand.
 *
 * - received: the `receive` event (the Form 01 time; for postal dossiers the hand-over minutes' time it carries);
 *   a dossier refused or withdrawn before reception was never received and counts nowhere.
 * - resolved (đã giải quyết): the first of result recorded, refusal after appraisal, stop, withdrawal after
 *   reception. A result or refusal is early / on time / late against the legal due time (`dueAt`, after restarts and
 *   pauses, before any extension: core `classifyTimeliness`); the extended due time is judged beside it. A stop or
 *   a withdrawal counts as on time (Biểu II.06a: "Đúng hạn" includes dossiers returned or withdrawn).
 * - pending (đang giải quyết): from reception to resolution; overdue while the legal due time has passed, except
 *   while waiting for a supplement or a payment (II.06a: "Trong hạn" includes dossiers waiting for a supplement).
 */
import { classifyTimeliness, type DossierEventKind, type DossierState, type Timeliness } from '../dossiers/index';

/** The part of a dossier event the figures read (dossier_event columns). */
export interface MonitoringEvent {
  readonly kind: DossierEventKind;
  readonly at: Date;
  readonly toState: DossierState;
  readonly details: Readonly<Record<string, unknown>>;
}

export type Resolution = 'result' | 'refused' | 'stopped' | 'withdrawn';

export interface Interval {
  readonly from: Date;
  /** null: still running. */
  readonly to: Date | null;
}

export interface DossierFacts {
  readonly receivedAt: Date | null;
  readonly resolvedAt: Date | null;
  readonly resolution: Resolution | null;
  /** Against the legal due time (the original, after restarts and pauses). */
  readonly timeliness: Timeliness | null;
  /** Against the extended due time, when an extension was granted before the resolution. */
  readonly timelinessExtended: Timeliness | null;
  readonly dueAt: Date | null;
  readonly extendedDueAt: Date | null;
  readonly returnedAt: Date | null;
  readonly returnedOnline: boolean;
  /** Supplement requests after reception (request instants). */
  readonly supplementRequestsAt: readonly Date[];
  /** Apologies with extension (Form 04) issued (instants). */
  readonly apologiesAt: readonly Date[];
  readonly pending: Interval | null;
  readonly overdue: readonly Interval[];
  readonly waitingSupplement: readonly Interval[];
  readonly waitingPayment: readonly Interval[];
  /** Whole working minutes from the clock start to the resolution, less the time waiting for a supplement. */
  readonly processingWorkingMinutes: number | null;
}

/** The legal clock the processing time is measured on (the competent agency's; core dossiers LegalClock fits). */
export interface WorkingTime {
  workingMinutesBetween(from: Date, to: Date): number;
}

const resolutionOf: Partial<Record<DossierEventKind, Resolution>> = {
  record_result: 'result',
  refuse_after_appraisal: 'refused',
  stop: 'stopped',
  withdraw: 'withdrawn',
};

function instant(value: unknown): Date | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  const d = new Date(String(value));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

type Waiting = 'supplement' | 'payment' | null;

/** Folds the events (in order) of one dossier. `time` is needed only for the processing time. */
export function foldDossierFacts(events: readonly MonitoringEvent[], time?: WorkingTime): DossierFacts {
  let receivedAt: Date | null = null;
  let clockStart: Date | null = null;
  let dueAt: Date | null = null;
  let extendedDueAt: Date | null = null;
  let resolvedAt: Date | null = null;
  let resolution: Resolution | null = null;
  let timeliness: Timeliness | null = null;
  let timelinessExtended: Timeliness | null = null;
  let returnedAt: Date | null = null;
  let returnedOnline = false;
  let waiting: Waiting = null;
  let waitingSince: Date | null = null;
  const supplementRequestsAt: Date[] = [];
  const apologiesAt: Date[] = [];
  const overdue: Interval[] = [];
  const waitingSupplement: Interval[] = [];
  const waitingPayment: Interval[] = [];
  let supplementMinutes = 0;
  // The running segment since the last event: overdue from max(segment start, due) while not waiting.
  let segmentStart: Date | null = null;

  const closeSegment = (end: Date) => {
    if (segmentStart && dueAt && waiting === null && dueAt.getTime() < end.getTime()) {
      const from = dueAt.getTime() > segmentStart.getTime() ? dueAt : segmentStart;
      overdue.push({ from, to: end });
    }
    segmentStart = end;
  };
  const endWaiting = (end: Date) => {
    if (waiting && waitingSince) {
      (waiting === 'supplement' ? waitingSupplement : waitingPayment).push({ from: waitingSince, to: end });
      if (waiting === 'supplement' && time) supplementMinutes += Math.max(0, time.workingMinutesBetween(waitingSince, end));
    }
    waiting = null;
    waitingSince = null;
  };

  for (const e of events) {
    if (resolvedAt) {
      if (e.kind === 'return_result' && !returnedAt) {
        returnedAt = e.at;
        returnedOnline = e.details['method'] === 'online';
      }
      continue;
    }
    const due = instant(e.details['dueAt']);
    if (e.kind === 'receive') {
      receivedAt = instant(e.details['receivedAt']) ?? e.at;
      segmentStart = receivedAt;
      if (due) {
        dueAt = due;
        clockStart = receivedAt;
      }
      continue;
    }
    if (!receivedAt) continue; // before reception nothing counts (online check, guidance, refusal at reception)
    closeSegment(e.at);
    switch (e.kind) {
      case 'transfer':
        if (e.details['clockStarted'] === true && due) {
          dueAt = due;
          clockStart ??= e.at;
        }
        break;
      case 'request_supplement':
        supplementRequestsAt.push(e.at);
        endWaiting(e.at);
        waiting = 'supplement';
        waitingSince = e.at;
        break;
      case 'provide_supplement':
        endWaiting(e.at);
        if (due) dueAt = due;
        if (e.details['clockRestarted'] === true) extendedDueAt = null;
        break;
      case 'request_payment':
        endWaiting(e.at);
        waiting = 'payment';
        waitingSince = e.at;
        break;
      case 'confirm_payment':
        endWaiting(e.at);
        if (due) dueAt = due;
        break;
      case 'extend':
        apologiesAt.push(e.at);
        extendedDueAt = instant(e.details['newDueAt']) ?? extendedDueAt;
        break;
      default:
        break;
    }
    const ends = resolutionOf[e.kind];
    if (ends) {
      endWaiting(e.at);
      resolvedAt = e.at;
      resolution = ends;
      if (ends === 'result' || ends === 'refused') {
        timeliness = dueAt ? classifyTimeliness(e.at, dueAt) : 'on_time';
        timelinessExtended = extendedDueAt ? classifyTimeliness(e.at, extendedDueAt) : null;
      } else {
        timeliness = 'on_time';
        timelinessExtended = null;
      }
    }
  }
  if (receivedAt && !resolvedAt && segmentStart && dueAt && waiting === null) {
    const from = dueAt.getTime() > (segmentStart as Date).getTime() ? dueAt : (segmentStart as Date);
    overdue.push({ from, to: null });
  }
  if (!resolvedAt && waiting && waitingSince) {
    (waiting === 'supplement' ? waitingSupplement : waitingPayment).push({ from: waitingSince, to: null });
  }
  const processingWorkingMinutes =
    time && clockStart && resolvedAt ? Math.max(0, Math.round(time.workingMinutesBetween(clockStart, resolvedAt) - supplementMinutes)) : null;
  return {
    receivedAt,
    resolvedAt,
    resolution,
    timeliness,
    timelinessExtended,
    dueAt,
    extendedDueAt,
    returnedAt,
    returnedOnline,
    supplementRequestsAt,
    apologiesAt,
    pending: receivedAt ? { from: receivedAt, to: resolvedAt } : null,
    overdue: mergeAdjacent(overdue),
    waitingSupplement,
    waitingPayment,
    processingWorkingMinutes,
  };
}

function mergeAdjacent(list: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const i of list) {
    const last = out[out.length - 1];
    if (last && last.to && last.to.getTime() === i.from.getTime()) out[out.length - 1] = { from: last.from, to: i.to };
    else out.push(i);
  }
  return out;
}

/** Is the dossier pending and overdue at `at` (a live check; the same intervals the rollups count)? */
export function isOverdueAt(facts: DossierFacts, at: Date): boolean {
  const t = at.getTime();
  return facts.overdue.some((i) => i.from.getTime() <= t && (i.to === null || t < i.to.getTime()));
}
