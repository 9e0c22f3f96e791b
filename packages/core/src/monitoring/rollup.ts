/**
 * A dossier's contribution to the rollups: counters per local day (Asia/Ho_Chi_Minh) and per key (competent
 * agency, receiving desk, procedure). Flows (received, resolved …) count on the day they happen; stocks (pending,
 * overdue, waiting) are +1 on the day they start and −1 on the day they end, so the stock at the end of a day is
 * the sum of its deltas up to that day. The rollups are the sum of every dossier's contribution: a transition
 * adds (contribution after − contribution before), in the transaction that records its events.
 */
import { localDateOf, type Channel } from '../dossiers/index';
import type { DossierFacts, Interval } from './facts';

export const rollupCounters = [
  'received',
  'received_counter',
  'received_online',
  'received_postal',
  'resolved',
  'resolved_early',
  'resolved_on_time',
  'resolved_late',
  'resolved_withdrawn',
  'resolved_extended',
  'resolved_extended_late',
  'returned',
  'returned_online',
  'supplements',
  'apologies',
  'processing_count',
  'processing_minutes',
  'pending_delta',
  'overdue_delta',
  'supplement_wait_delta',
  'payment_wait_delta',
] as const;
export type RollupCounter = (typeof rollupCounters)[number];
export type Counters = Partial<Record<RollupCounter, number>>;

/**
 * Processing-time histogram: bucket i holds durations below `processingBucketHours[i]` working hours (and at or
 * above the previous bound); the last bucket is open. The 90th percentile is reported as its bucket's upper bound.
 */
export const processingBucketHours = [1, 2, 4, 8, 12, 16, 24, 32, 40, 56, 80, 120, 160, 240, 320, 480, 720, Infinity] as const;

export function processingBucketOf(minutes: number): number {
  const hours = minutes / 60;
  const i = processingBucketHours.findIndex((bound) => hours < bound);
  return i < 0 ? processingBucketHours.length - 1 : i;
}

/** The dimensions of a dossier the rollups are keyed by (fixed at creation). */
export interface DossierDimensions {
  readonly competentAgencyId: string;
  readonly receivingAgencyId: string;
  readonly procedureCode: string;
  readonly channel: Channel;
}

export interface RollupCell {
  readonly day: string;
  readonly competentAgencyId: string;
  readonly receivingAgencyId: string;
  readonly procedureCode: string;
  readonly counters: Counters;
  /** Processing-time histogram increments: bucket index → count. */
  readonly buckets: Readonly<Record<number, number>>;
}

export function cellKey(c: Pick<RollupCell, 'day' | 'competentAgencyId' | 'receivingAgencyId' | 'procedureCode'>): string {
  return `${c.day}|${c.competentAgencyId}|${c.receivingAgencyId}|${c.procedureCode}`;
}

const channelCounter: Record<Channel, RollupCounter> = { counter: 'received_counter', online: 'received_online', postal: 'received_postal' };

/** The contribution of one dossier: one cell per day it touches. */
export function contributionOf(dims: DossierDimensions, facts: DossierFacts): RollupCell[] {
  const cells = new Map<string, { counters: Counters; buckets: Record<number, number> }>();
  const at = (instant: Date) => {
    const day = localDateOf(instant);
    let cell = cells.get(day);
    if (!cell) {
      cell = { counters: {}, buckets: {} };
      cells.set(day, cell);
    }
    return cell;
  };
  const add = (instant: Date, counter: RollupCounter, n = 1) => {
    const c = at(instant).counters;
    c[counter] = (c[counter] ?? 0) + n;
  };
  const stock = (intervals: readonly Interval[], counter: RollupCounter) => {
    for (const i of intervals) {
      add(i.from, counter, 1);
      if (i.to) add(i.to, counter, -1);
    }
  };
  if (facts.receivedAt) {
    add(facts.receivedAt, 'received');
    add(facts.receivedAt, channelCounter[dims.channel]);
  }
  if (facts.resolvedAt && facts.timeliness) {
    const r = facts.resolvedAt;
    add(r, 'resolved');
    add(r, facts.timeliness === 'early' ? 'resolved_early' : facts.timeliness === 'on_time' ? 'resolved_on_time' : 'resolved_late');
    if (facts.resolution === 'withdrawn' || facts.resolution === 'stopped') add(r, 'resolved_withdrawn');
    if (facts.timelinessExtended) {
      add(r, 'resolved_extended');
      if (facts.timelinessExtended === 'late') add(r, 'resolved_extended_late');
    }
    if (facts.processingWorkingMinutes !== null) {
      add(r, 'processing_count');
      add(r, 'processing_minutes', facts.processingWorkingMinutes);
      const b = at(r).buckets;
      const i = processingBucketOf(facts.processingWorkingMinutes);
      b[i] = (b[i] ?? 0) + 1;
    }
  }
  if (facts.returnedAt) {
    add(facts.returnedAt, 'returned');
    if (facts.returnedOnline) add(facts.returnedAt, 'returned_online');
  }
  for (const s of facts.supplementRequestsAt) add(s, 'supplements');
  for (const a of facts.apologiesAt) add(a, 'apologies');
  if (facts.pending) stock([facts.pending], 'pending_delta');
  stock(facts.overdue, 'overdue_delta');
  stock(facts.waitingSupplement, 'supplement_wait_delta');
  stock(facts.waitingPayment, 'payment_wait_delta');
  const out: RollupCell[] = [];
  for (const [day, cell] of [...cells.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const counters = Object.fromEntries(Object.entries(cell.counters).filter(([, n]) => n !== 0)) as Counters;
    const buckets = Object.fromEntries(Object.entries(cell.buckets).filter(([, n]) => n !== 0));
    if (Object.keys(counters).length === 0 && Object.keys(buckets).length === 0) continue;
    out.push({ day, competentAgencyId: dims.competentAgencyId, receivingAgencyId: dims.receivingAgencyId, procedureCode: dims.procedureCode, counters, buckets });
  }
  return out;
}

/** Sums cells by key (a full recomputation, or the rollups themselves). */
export function sumCells(cells: Iterable<RollupCell>, sign = 1, into = new Map<string, RollupCell>()): Map<string, RollupCell> {
  for (const cell of cells) {
    const key = cellKey(cell);
    const old = into.get(key);
    const counters: Counters = { ...(old?.counters ?? {}) };
    for (const [name, n] of Object.entries(cell.counters) as [RollupCounter, number][]) counters[name] = (counters[name] ?? 0) + sign * n;
    const buckets: Record<number, number> = { ...(old?.buckets ?? {}) };
    for (const [i, n] of Object.entries(cell.buckets)) buckets[Number(i)] = (buckets[Number(i)] ?? 0) + sign * n;
    into.set(key, { ...cell, counters, buckets });
  }
  return into;
}

/** What a transition adds to the rollups: contribution after − contribution before, without zero cells. */
export function contributionDelta(before: readonly RollupCell[], after: readonly RollupCell[]): RollupCell[] {
  const sum = sumCells(before, -1);
  sumCells(after, 1, sum);
  return [...sum.values()]
    .map(normalizeCell)
    .filter((c): c is RollupCell => c !== null)
    .sort((a, b) => cellKey(a).localeCompare(cellKey(b)));
}

/** The cell without zero counters and buckets; null when nothing is left. */
export function normalizeCell(cell: RollupCell): RollupCell | null {
  const counters = Object.fromEntries(Object.entries(cell.counters).filter(([, n]) => n !== 0)) as Counters;
  const buckets = Object.fromEntries(Object.entries(cell.buckets).filter(([, n]) => n !== 0));
  if (Object.keys(counters).length === 0 && Object.keys(buckets).length === 0) return null;
  return { ...cell, counters, buckets };
}
