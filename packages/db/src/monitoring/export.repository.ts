/** Report export requests: created with their outbox job, advanced by the job, read by their requester only. */
import type { Queryable } from '../kernel/database';

export type ExportReport = 'ii06a' | 'ii07b' | 'ledger';
export type ExportFormat = 'xlsx' | 'pdf';
export type ExportStatus = 'pending' | 'running' | 'done' | 'failed';

export interface MonitoringExport {
  readonly id: string;
  readonly requestedBy: string;
  readonly unitId: string;
  readonly report: ExportReport;
  readonly format: ExportFormat;
  readonly from: string;
  readonly to: string;
  readonly status: ExportStatus;
  readonly progress: number;
  readonly contentKey: string | null;
  readonly fileName: string | null;
  readonly error: string | null;
  readonly createdAt: Date;
  readonly finishedAt: Date | null;
}

type Row = Record<string, unknown>;
const map = (r: Row): MonitoringExport => ({
  id: String(r['id']),
  requestedBy: String(r['requested_by']),
  unitId: String(r['unit_id']),
  report: r['report'] as ExportReport,
  format: r['format'] as ExportFormat,
  from: String(r['period_from']),
  to: String(r['period_to']),
  status: r['status'] as ExportStatus,
  progress: Number(r['progress']),
  contentKey: (r['content_key'] as string | null) ?? null,
  fileName: (r['file_name'] as string | null) ?? null,
  error: (r['error'] as string | null) ?? null,
  createdAt: r['created_at'] as Date,
  finishedAt: (r['finished_at'] as Date | null) ?? null,
});

export async function insertExport(
  q: Queryable,
  e: Pick<MonitoringExport, 'id' | 'requestedBy' | 'unitId' | 'report' | 'format' | 'from' | 'to' | 'createdAt'>,
): Promise<MonitoringExport> {
  const rows = await q.query<Row>(
    `INSERT INTO monitoring_export (id, requested_by, unit_id, report, format, period_from, period_to, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8) RETURNING *`,
    [e.id, e.requestedBy, e.unitId, e.report, e.format, e.from, e.to, e.createdAt],
  );
  return map(rows[0]!);
}

/** The export if it belongs to the requester (anything else answers null, like absent). */
export async function findExport(q: Queryable, id: string, requestedBy: string | null): Promise<MonitoringExport | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows = await q.query<Row>(
    `SELECT * FROM monitoring_export WHERE id = $1 ${requestedBy ? 'AND requested_by = $2' : ''}`,
    requestedBy ? [id, requestedBy] : [id],
  );
  return rows[0] ? map(rows[0]) : null;
}

export async function updateExportProgress(q: Queryable, id: string, status: ExportStatus, progress: number): Promise<void> {
  await q.query('UPDATE monitoring_export SET status = $2, progress = $3 WHERE id = $1', [id, status, Math.max(0, Math.min(100, Math.round(progress)))]);
}

export async function completeExport(q: Queryable, id: string, contentKey: string, fileName: string, now: Date): Promise<void> {
  await q.query(
    `UPDATE monitoring_export SET status = 'done', progress = 100, content_key = $2, file_name = $3, finished_at = $4 WHERE id = $1`,
    [id, contentKey, fileName, now],
  );
}

export async function failExport(q: Queryable, id: string, error: string, now: Date): Promise<void> {
  await q.query(`UPDATE monitoring_export SET status = 'failed', error = $2, finished_at = $3 WHERE id = $1`, [id, error, now]);
}
