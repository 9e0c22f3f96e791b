/**
 * The extension point of the dossier use cases: a DossierStore whose save also brings the monitoring rollups up
 * to date, in the same transaction (a transition and its statistics commit or roll back together).
 */
import type { DossierStore, LegalClockProvider } from '@motcua/core/dossiers';
import type { Queryable } from '../kernel/database';
import { recordMonitoringFacts } from './rollup-store';

export function withMonitoring(store: DossierStore, tx: Queryable, clocks: LegalClockProvider, now: Date): DossierStore {
  return {
    ...store,
    async save(before, after, events) {
      const version = await store.save(before, after, events);
      if (events.length > 0) await recordMonitoringFacts(tx, clocks, after, now);
      return version;
    },
  };
}
