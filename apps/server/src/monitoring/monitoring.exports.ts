/**
 * Report exports as outbox jobs (topic `monitoring.export`): the request returns at once with a resource whose
 * progress the client polls; the job builds the report, writes the file (Excel or PDF) to the content store and
 * offers it for download to its requester only. The server never blocks on a long period.
 */
import { randomUUID } from 'node:crypto';
import type { Actor, OfficerActor } from '@motcua/core';
import { ledgerDefinition } from '@motcua/core/documents';
import { ii06aDefinition, ii07bDefinition, type Period } from '@motcua/core/monitoring';
import { renderPdf } from '@motcua/adapters/documents';
import { writeIi06aWorkbook, writeIi07bWorkbook, writeLedgerWorkbook } from '@motcua/adapters/reports';
import { withUnitOfWork, type Database, type Queryable } from '@motcua/db';
import { listLedger, type LedgerRow } from '@motcua/db/dossiers';
import {
  completeExport,
  failExport,
  findExport,
  findUnit,
  insertExport,
  updateExportProgress,
  type ExportFormat,
  type ExportReport,
  type MonitoringExport,
  type UnitRef,
} from '@motcua/db/monitoring';
import type { AppDeps } from '../deps';
import { PermanentJobError, type JobHandler } from '../jobs/job-runner';
import { ledgerInput } from '../documents/ledger-document';
import { ii06aReport, ii07bReport } from './monitoring.service';

export const exportTopic = 'monitoring.export';

export async function requestExport(
  db: Database,
  actor: OfficerActor,
  now: Date,
  requestId: string,
  request: { report: ExportReport; format: ExportFormat; unit: UnitRef; period: Period },
): Promise<MonitoringExport> {
  return withUnitOfWork(db, { actor, now, requestId }, async (uow) => {
    const created = await insertExport(uow.tx, {
      id: randomUUID(),
      requestedBy: actor.userId,
      unitId: request.unit.id,
      report: request.report,
      format: request.format,
      from: request.period.from,
      to: request.period.to,
      createdAt: now,
    });
    uow.outbox.enqueue({ topic: exportTopic, payload: { exportId: created.id }, dedupeKey: `monitoring-export:${created.id}` });
    uow.audit.record({
      action: 'monitoring.export.request',
      targetType: 'monitoring_export',
      targetId: created.id,
      agencyId: request.unit.id,
      summary: { report: request.report, format: request.format, from: request.period.from, to: request.period.to },
    });
    return created;
  });
}

const toLocalDate = (d: Date | null) => (d ? new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10) : null);

/**
 * The desk's ledger rows received within the period (the ledger is numbered per year: every year the period
 * touches is read, in ledger order). The caller checked the unit is within the requester's scope.
 */
export async function ledgerRows(q: Queryable, deskId: string, period: Period): Promise<LedgerRow[]> {
  const system: Actor = { kind: 'system', name: 'monitoring-export' };
  const rows: LedgerRow[] = [];
  for (let year = Number(period.from.slice(0, 4)); year <= Number(period.to.slice(0, 4)); year++) {
    const ledger = await listLedger(q, system, { deskAgencyId: deskId, year, limit: 100_000 });
    for (const r of ledger) {
      const day = toLocalDate(r.receivedAt);
      if (day && day >= period.from && day <= period.to) rows.push(r);
    }
  }
  return rows;
}

function fileNameOf(e: MonitoringExport, unit: UnitRef): string {
  const base = e.report === 'ii06a' ? 'Bieu-II.06a' : e.report === 'ledger' ? 'So-theo-doi-ho-so' : 'Bieu-II.07b';
  return `${base}_${unit.code}_${e.from}_${e.to}.${e.format}`;
}

export function monitoringJobHandlers(deps: AppDeps): Record<string, JobHandler> {
  return {
    [exportTopic]: async (payload, context) => {
      const id = String(payload['exportId']);
      const db = context.db;
      const e = await findExport(db, id, null);
      if (!e) throw new PermanentJobError(`No export ${id}`);
      if (e.status === 'done') return;
      const unit = await findUnit(db, e.unitId);
      if (!unit) throw new PermanentJobError(`No unit ${e.unitId}`);
      const period: Period = { kind: 'custom', from: e.from, to: e.to };
      try {
        await updateExportProgress(db, id, 'running', 10);
        let bytes: Uint8Array;
        const issuedAt = context.clock.now();
        if (e.report === 'ii06a') {
          const report = await ii06aReport(db, unit, period);
          await updateExportProgress(db, id, 'running', 60);
          bytes = e.format === 'pdf' ? await renderPdf(ii06aDefinition(report, issuedAt)) : await writeIi06aWorkbook(report);
        } else if (e.report === 'ii07b') {
          const report = await ii07bReport(db, unit, e.to);
          await updateExportProgress(db, id, 'running', 60);
          bytes = e.format === 'pdf' ? await renderPdf(ii07bDefinition(report, unit.name, issuedAt)) : await writeIi07bWorkbook(report, unit.name);
        } else {
          const rows = await ledgerRows(db, unit.id, period);
          await updateExportProgress(db, id, 'running', 50);
          const input = await ledgerInput({ ...deps, clock: context.clock }, db, unit.id, rows, { year: Number(e.from.slice(0, 4)), period: { from: e.from, to: e.to } });
          await updateExportProgress(db, id, 'running', 70);
          bytes = e.format === 'pdf' ? await renderPdf(ledgerDefinition(input)) : await writeLedgerWorkbook(input);
        }
        await updateExportProgress(db, id, 'running', 90);
        const stored = await deps.contentStore.put(bytes);
        await completeExport(db, id, stored.key, fileNameOf(e, unit), context.clock.now());
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof PermanentJobError || context.attempt >= 3) await failExport(db, id, message, context.clock.now());
        throw error;
      }
    },
  };
}
