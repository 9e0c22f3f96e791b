/**
 * The published figures of a unit for a period, from rollup sums — one definition per figure (docs/monitoring.md):
 *
 * - flows: what happened on the period's days (received, resolved, returned, supplements, apologies);
 * - stocks at the end of the period's last day (pending, overdue, waiting) and at the end of the day before the
 *   period (carried over: pending then).
 *
 * The II.06a identity holds by construction: carried over + received = resolved + pending.
 */
import { processingBucketHours, type Counters, type RollupCounter } from './rollup';

export interface RollupSums {
  /** Counters summed over the period's days. */
  readonly flows: Counters;
  /** Stock deltas summed over every day up to the period's end (the stocks at its end). */
  readonly stocksAtEnd: Counters;
  /** Pending deltas summed over every day before the period (carried over). */
  readonly pendingBefore: number;
  /** Processing-time histogram of the dossiers resolved in the period (bucket index → count). */
  readonly buckets: Readonly<Record<number, number>>;
}

export interface MonitoringFigures {
  readonly received: { readonly total: number; readonly counter: number; readonly online: number; readonly postal: number; readonly carriedOver: number };
  readonly resolved: {
    readonly total: number;
    readonly early: number;
    readonly onTime: number;
    readonly late: number;
    /** Of which stopped or withdrawn (counted on time). */
    readonly withdrawn: number;
    /** Resolved after an extension, and of those late even against the extended due time. */
    readonly extended: number;
    readonly extendedLate: number;
  };
  readonly pending: {
    readonly total: number;
    readonly withinDue: number;
    readonly overdue: number;
    readonly waitingSupplement: number;
    readonly waitingPayment: number;
  };
  /** (early + on time) / resolved, null when nothing was resolved. */
  readonly onTimeRate: number | null;
  /** received online / received in the period. */
  readonly onlineShare: number | null;
  readonly postalShare: number | null;
  readonly returned: number;
  readonly returnedOnline: number;
  /** returned online / returned. */
  readonly electronicReturnShare: number | null;
  readonly averageProcessingHours: number | null;
  /** The bucket bound under which 90 % of the period's resolved dossiers were processed (working hours). */
  readonly p90ProcessingHours: number | null;
  readonly supplements: number;
  readonly supplementsPer100: number | null;
  readonly apologies: number;
}

const n = (c: Counters, k: RollupCounter) => c[k] ?? 0;
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function figuresOf(sums: RollupSums): MonitoringFigures {
  const f = sums.flows;
  const s = sums.stocksAtEnd;
  const received = n(f, 'received');
  const resolved = n(f, 'resolved');
  const pending = n(s, 'pending_delta');
  const overdue = n(s, 'overdue_delta');
  const processed = n(f, 'processing_count');
  return {
    received: {
      total: received,
      counter: n(f, 'received_counter'),
      online: n(f, 'received_online'),
      postal: n(f, 'received_postal'),
      carriedOver: sums.pendingBefore,
    },
    resolved: {
      total: resolved,
      early: n(f, 'resolved_early'),
      onTime: n(f, 'resolved_on_time'),
      late: n(f, 'resolved_late'),
      withdrawn: n(f, 'resolved_withdrawn'),
      extended: n(f, 'resolved_extended'),
      extendedLate: n(f, 'resolved_extended_late'),
    },
    pending: {
      total: pending,
      withinDue: pending - overdue,
      overdue,
      waitingSupplement: n(s, 'supplement_wait_delta'),
      waitingPayment: n(s, 'payment_wait_delta'),
    },
    onTimeRate: ratio(n(f, 'resolved_early') + n(f, 'resolved_on_time'), resolved),
    onlineShare: ratio(n(f, 'received_online'), received),
    postalShare: ratio(n(f, 'received_postal'), received),
    returned: n(f, 'returned'),
    returnedOnline: n(f, 'returned_online'),
    electronicReturnShare: ratio(n(f, 'returned_online'), n(f, 'returned')),
    averageProcessingHours: processed === 0 ? null : n(f, 'processing_minutes') / processed / 60,
    p90ProcessingHours: percentileBound(sums.buckets, 0.9),
    supplements: n(f, 'supplements'),
    supplementsPer100: received === 0 ? null : (n(f, 'supplements') * 100) / received,
    apologies: n(f, 'apologies'),
  };
}

/** The upper bound (working hours) of the histogram bucket holding the q-quantile; null when empty. */
export function percentileBound(buckets: Readonly<Record<number, number>>, q: number): number | null {
  const total = Object.values(buckets).reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (let i = 0; i < processingBucketHours.length; i++) {
    seen += buckets[i] ?? 0;
    if (seen >= rank) return processingBucketHours[i]!;
  }
  return Infinity;
}

/** Biểu II.06a/VPCP/KSTT columns (legal-spec §12) of one row, numbered as on the form (3 … 13). */
export interface Ii06aColumns {
  /** (3) Số hồ sơ nhận giải quyết — tổng số = (4) + (5) + (6). */
  readonly receivedTotal: number;
  /** (4) Trong kỳ: trực tuyến. */
  readonly receivedOnline: number;
  /** (5) Trong kỳ: trực tiếp, dịch vụ bưu chính. */
  readonly receivedDirectOrPostal: number;
  /** (6) Từ kỳ trước chuyển qua. */
  readonly carriedOver: number;
  /** (7) Đã giải quyết — tổng số = (8) + (9) + (10). */
  readonly resolvedTotal: number;
  readonly resolvedEarly: number;
  readonly resolvedOnTime: number;
  readonly resolvedLate: number;
  /** (11) Đang giải quyết — tổng số = (12) + (13). */
  readonly pendingTotal: number;
  readonly pendingWithinDue: number;
  readonly pendingOverdue: number;
}

export function ii06aColumnsOf(f: MonitoringFigures): Ii06aColumns {
  return {
    receivedTotal: f.received.total + f.received.carriedOver,
    receivedOnline: f.received.online,
    receivedDirectOrPostal: f.received.counter + f.received.postal,
    carriedOver: f.received.carriedOver,
    resolvedTotal: f.resolved.total,
    resolvedEarly: f.resolved.early,
    resolvedOnTime: f.resolved.onTime,
    resolvedLate: f.resolved.late,
    pendingTotal: f.pending.total,
    pendingWithinDue: f.pending.withinDue,
    pendingOverdue: f.pending.overdue,
  };
}

export const ii06aColumnKeys = [
  'receivedTotal',
  'receivedOnline',
  'receivedDirectOrPostal',
  'carriedOver',
  'resolvedTotal',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'pendingTotal',
  'pendingWithinDue',
  'pendingOverdue',
] as const satisfies readonly (keyof Ii06aColumns)[];

export function addIi06a(a: Ii06aColumns, b: Ii06aColumns): Ii06aColumns {
  return Object.fromEntries(ii06aColumnKeys.map((k) => [k, a[k] + b[k]])) as unknown as Ii06aColumns;
}

export const emptyIi06a: Ii06aColumns = Object.fromEntries(ii06aColumnKeys.map((k) => [k, 0])) as unknown as Ii06aColumns;

/** Sums of counters (adding rollup rows). */
export function addCounters(a: Counters, b: Counters): Counters {
  const out: Counters = { ...a };
  for (const [k, v] of Object.entries(b) as [RollupCounter, number][]) out[k] = (out[k] ?? 0) + v;
  return out;
}

/** Rolls one day's cell stream into period sums (a reference implementation the db queries must agree with). */
export function sumsForPeriod(
  cells: Iterable<{ readonly day: string; readonly counters: Counters; readonly buckets: Readonly<Record<number, number>> }>,
  from: string,
  to: string,
): RollupSums {
  let flows: Counters = {};
  let stocksAtEnd: Counters = {};
  let pendingBefore = 0;
  const buckets: Record<number, number> = {};
  const stockNames: RollupCounter[] = ['pending_delta', 'overdue_delta', 'supplement_wait_delta', 'payment_wait_delta'];
  for (const c of cells) {
    if (c.day > to) continue;
    const stocks = Object.fromEntries(stockNames.map((k) => [k, c.counters[k] ?? 0])) as Counters;
    stocksAtEnd = addCounters(stocksAtEnd, stocks);
    if (c.day < from) {
      pendingBefore += c.counters.pending_delta ?? 0;
      continue;
    }
    flows = addCounters(flows, c.counters);
    for (const [i, k] of Object.entries(c.buckets)) buckets[Number(i)] = (buckets[Number(i)] ?? 0) + k;
  }
  return { flows, stocksAtEnd, pendingBefore, buckets };
}

/** The sums of two sets of rows (a unit made of several agencies' rows). */
export function addSums(a: RollupSums, b: RollupSums): RollupSums {
  const buckets: Record<number, number> = { ...a.buckets };
  for (const [i, k] of Object.entries(b.buckets)) buckets[Number(i)] = (buckets[Number(i)] ?? 0) + k;
  return {
    flows: addCounters(a.flows, b.flows),
    stocksAtEnd: addCounters(a.stocksAtEnd, b.stocksAtEnd),
    pendingBefore: a.pendingBefore + b.pendingBefore,
    buckets,
  };
}

export const emptySums: RollupSums = { flows: {}, stocksAtEnd: {}, pendingBefore: 0, buckets: {} };
