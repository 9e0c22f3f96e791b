/**
 * Builds the pure calendar of an agency from storage — the national decisions, those of its province (any
 * ancestor) and its own, and the working periods of the agency or its nearest ancestor that has some — and caches
 * it. Each call costs one small query (the agency's lineage and the calendar revision); a recorded or revoked
 * decision or a new working-period schedule bumps the revision, so every server process rebuilds on its next call.
 *
 *   const clock = await calendarLoaderFor(db).clockFor(agencyId);   // agencyId null: national calendar
 */
import { LegalClock, WorkCalendar, type WorkCalendarDefinition, type WorkingPeriodSchedule } from '@motcua/core/calendar';
import type { Queryable } from '../kernel/database';
import { agencyLineageAndRevision, listDecisions, listWorkingPeriodSchedules } from './calendar.repository';

/** Enough for every agency of a province; the cache is simply emptied when it grows past this. */
const MAX_CACHED = 2000;

export interface CalendarSnapshot {
  readonly revision: number;
  /** The agency and its ancestors, nearest first (empty for the national calendar). */
  readonly lineage: readonly string[];
  readonly definition: WorkCalendarDefinition;
}

/** Reads what the calendar of an agency is made of (for a calendar as it was, filter its decisions). */
export async function loadCalendarSnapshot(db: Queryable, agencyId: string | null): Promise<CalendarSnapshot> {
  const { revision, lineage } = await agencyLineageAndRevision(db, agencyId);
  return { revision, lineage, definition: await loadDefinition(db, lineage) };
}

async function loadDefinition(db: Queryable, lineage: readonly string[]): Promise<WorkCalendarDefinition> {
  const decisions = await listDecisions(db, { lineage });
  const schedules = await listWorkingPeriodSchedules(db, lineage);
  const layers: WorkingPeriodSchedule[][] = lineage.map((id) =>
    schedules.filter((s) => s.agencyId === id).map((s) => ({ effectiveFrom: s.effectiveFrom, periods: s.periods })),
  );
  return { decisions, workingPeriodLayers: layers.filter((layer) => layer.length > 0) };
}

export class CalendarLoader {
  private readonly cache = new Map<string, LegalClock>();
  private revision = -1;

  constructor(private readonly db: Queryable) {}

  /** The legal clock of an agency (null: national decisions and the default periods). */
  async clockFor(agencyId: string | null): Promise<LegalClock> {
    const { revision, lineage } = await agencyLineageAndRevision(this.db, agencyId);
    if (revision !== this.revision) {
      this.cache.clear();
      this.revision = revision;
    }
    const key = lineage.join('/');
    const cached = this.cache.get(key);
    if (cached) return cached;
    const clock = new LegalClock(WorkCalendar.of(await loadDefinition(this.db, lineage)));
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    // Store only if nothing changed meanwhile; otherwise the next call rebuilds anyway.
    if (revision === this.revision) this.cache.set(key, clock);
    return clock;
  }

  /** Drops every cached calendar (the revision check makes this unnecessary except in tests). */
  invalidate(): void {
    this.cache.clear();
    this.revision = -1;
  }
}

const loaders = new WeakMap<object, CalendarLoader>();

/** The one loader of a database handle, shared by every module of the process that computes due times. */
export function calendarLoaderFor(db: Queryable): CalendarLoader {
  let loader = loaders.get(db);
  if (!loader) {
    loader = new CalendarLoader(db);
    loaders.set(db, loader);
  }
  return loader;
}
