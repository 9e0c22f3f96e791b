/**
 * Legal clocks for use cases, read through the use case's own transaction (PGlite has one connection: a read on
 * the root handle inside a transaction would wait for itself) with one cache shared by every transaction of the
 * process. Each call costs the calendar's one lineage-and-revision query; a changed calendar revision empties the
 * cache, as the calendar module's loader does.
 */
import { LegalClock as CalendarClock, WorkCalendar } from '@motcua/core/calendar';
import { legalClockOf, type LegalClock, type LegalClockProvider } from '@motcua/core/dossiers';
import { agencyLineageAndRevision, loadCalendarSnapshot } from '../calendar/index';
import type { Queryable } from '../kernel/database';

const MAX_CACHED = 2000;

export class LegalClockCache {
  private readonly cache = new Map<string, LegalClock>();
  private revision = -1;

  /** A provider reading through `q` (the transaction of the use case, or the root handle outside one). */
  through(q: Queryable): LegalClockProvider {
    return {
      clockFor: async (agencyId) => {
        const { revision, lineage } = await agencyLineageAndRevision(q, agencyId);
        if (revision !== this.revision) {
          this.cache.clear();
          this.revision = revision;
        }
        const key = lineage.join('/');
        const cached = this.cache.get(key);
        if (cached) return cached;
        const snapshot = await loadCalendarSnapshot(q, agencyId);
        const clock = legalClockOf(new CalendarClock(WorkCalendar.of(snapshot.definition)));
        if (this.cache.size >= MAX_CACHED) this.cache.clear();
        if (snapshot.revision === this.revision) this.cache.set(key, clock);
        return clock;
      },
    };
  }
}

const caches = new WeakMap<object, LegalClockCache>();

/** The one clock cache of a database handle. */
export function legalClockCacheFor(db: object): LegalClockCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new LegalClockCache();
    caches.set(db, cache);
  }
  return cache;
}
