/**
 * Monitoring over HTTP (docs/monitoring.md):
 *   GET  /monitoring/overview              — a unit's figures, trend, sub-units, pending now, overdue list
 *   GET  /monitoring/procedures            — the unit's figures per procedure (drill-down level 2)
 *   GET  /monitoring/dossiers?procedure=   — the dossiers behind a procedure's figures (scoped to the caller)
 *   GET  /monitoring/officers              — per officer, for supervisors
 *   GET  /monitoring/reports/ii06a         — Biểu II.06a/VPCP/KSTT as data (the screen renders it)
 *   GET  /monitoring/reports/ii07b         — Biểu II.07b/VPCP/KSTT for a unit, from the catalogue
 *   POST /monitoring/exports, GET /monitoring/exports/{id}, GET /monitoring/exports/{id}/file — Excel / PDF jobs
 *   GET  /public/statistics, /public/statistics.csv — published figures per unit, without login
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainErrorException, domainError } from '@motcua/core';
import { figuresOf } from '@motcua/core/monitoring';
import {
  drillDossiersQuery,
  drillDossiersResponse,
  exportBody,
  exportResponse,
  ii06aResponse,
  ii07bResponse,
  officersResponse,
  overviewResponse,
  periodQuery,
  problemSchema,
  procedureFiguresResponse,
  publicStatisticsResponse,
} from '@motcua/contracts';
import { findExport, type MonitoringExport } from '@motcua/db/monitoring';
import type { AppDeps } from '../deps';
import { requireOfficer } from '../identity/guards';
import { requestExport } from './monitoring.exports';
import {
  drillDown,
  ii06aReport,
  ii07bReport,
  legalDateOf,
  monitoringRoles,
  supervisorRoles,
  officerUnit,
  officers,
  overview,
  periodOf,
  procedureBreakdown,
  publicUnit,
  ref,
  unitBreakdown,
} from './monitoring.service';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

function exportDto(e: MonitoringExport) {
  return {
    id: e.id,
    report: e.report,
    format: e.format,
    status: e.status,
    progress: e.progress,
    fileName: e.fileName,
    downloadUrl: e.status === 'done' ? `/api/v1/monitoring/exports/${e.id}/file` : null,
    error: e.status === 'failed' ? 'Không tạo được tệp báo cáo | The report file could not be made' : null,
  };
}

const mediaTypes = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

export async function monitoringRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = () => deps.clock.now();

  api.get(
    '/monitoring/overview',
    { schema: { tags: ['monitoring'], summary: 'A unit’s figures for a period, its sub-units, pending now and the overdue list', querystring: periodQuery, response: { 200: overviewResponse, ...errors } } },
    async (request) => {
      const actor = requireOfficer(request, monitoringRoles);
      const unit = await officerUnit(deps.db, actor, request.query.unit);
      return overview(deps.db, actor, unit, periodOf(request.query, now()), now());
    },
  );

  api.get(
    '/monitoring/procedures',
    { schema: { tags: ['monitoring'], summary: 'A unit’s figures per procedure for a period', querystring: periodQuery, response: { 200: procedureFiguresResponse, ...errors } } },
    async (request) => {
      const actor = requireOfficer(request, monitoringRoles);
      const unit = await officerUnit(deps.db, actor, request.query.unit);
      const period = periodOf(request.query, now());
      return { unit: ref(unit), period, procedures: await procedureBreakdown(deps.db, unit, period) };
    },
  );

  api.get(
    '/monitoring/dossiers',
    { schema: { tags: ['monitoring'], summary: 'The dossiers of a procedure received in the period or pending at its end', querystring: drillDossiersQuery, response: { 200: drillDossiersResponse, ...errors } } },
    async (request) => {
      const actor = requireOfficer(request, monitoringRoles);
      const unit = await officerUnit(deps.db, actor, request.query.unit);
      return drillDown(deps.db, actor, unit, periodOf(request.query, now()), request.query.procedure);
    },
  );

  api.get(
    '/monitoring/officers',
    { schema: { tags: ['monitoring'], summary: 'Per officer: receptions, completed steps, results (and late ones) — for supervisors', querystring: periodQuery, response: { 200: officersResponse, ...errors } } },
    async (request) => {
      const actor = requireOfficer(request, supervisorRoles);
      const unit = await officerUnit(deps.db, actor, request.query.unit);
      return officers(deps.db, unit, periodOf(request.query, now()));
    },
  );

  api.get(
    '/monitoring/reports/ii06a',
    { schema: { tags: ['monitoring'], summary: 'Biểu II.06a/VPCP/KSTT for a unit and a period', querystring: periodQuery, response: { 200: ii06aResponse, ...errors } } },
    async (request) => {
      const actor = requireOfficer(request, monitoringRoles);
      const unit = await officerUnit(deps.db, actor, request.query.unit);
      const report = await ii06aReport(deps.db, unit, periodOf(request.query, now()));
      return { ...report, rows: report.rows.map((r) => ({ ...r, procedures: [...r.procedures] })) };
    },
  );

  api.get(
    '/monitoring/reports/ii07b',
    {
      schema: {
        tags: ['monitoring'],
        summary: 'Biểu II.07b/VPCP/KSTT for a unit: procedures in effect under its competence, at its one-stop desks, with its internal workflows',
        querystring: z.object({ date: z.iso.date().optional(), unit: z.string().max(64).optional() }),
        response: { 200: ii07bResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireOfficer(request, monitoringRoles);
      const unit = await officerUnit(deps.db, actor, request.query.unit);
      return ii07bReport(deps.db, unit, request.query.date ?? legalDateOf(now()));
    },
  );

  api.post(
    '/monitoring/exports',
    { schema: { tags: ['monitoring'], summary: 'Start an Excel or PDF export (a background job); poll the answer’s resource', body: exportBody, response: { 202: exportResponse, ...errors } } },
    async (request, reply) => {
      const actor = requireOfficer(request, monitoringRoles);
      const body = request.body;
      const unit = await officerUnit(deps.db, actor, body.unit);
      const period = periodOf(body, now());
      const created = await requestExport(deps.db, actor, now(), String(request.id), { report: body.report, format: body.format, unit, period });
      return reply.code(202).header('location', `/api/v1/monitoring/exports/${created.id}`).send(exportDto(created));
    },
  );

  api.get(
    '/monitoring/exports/:id',
    { schema: { tags: ['monitoring'], summary: 'An export’s progress and, when done, its download address', params: z.object({ id: z.string().max(64) }), response: { 200: exportResponse, ...errors } } },
    async (request) => {
      const actor = requireOfficer(request, monitoringRoles);
      const found = await findExport(deps.db, request.params.id, actor.userId);
      if (!found) throw new DomainErrorException(domainError('NOT_FOUND', 'No such export', { entity: 'export' }));
      return exportDto(found);
    },
  );

  api.get(
    '/monitoring/exports/:id/file',
    { schema: { tags: ['monitoring'], summary: 'The exported file (Excel or PDF)', params: z.object({ id: z.string().max(64) }), response: { 200: z.any(), 409: problemSchema, ...errors } } },
    async (request, reply) => {
      const actor = requireOfficer(request, monitoringRoles);
      const found = await findExport(deps.db, request.params.id, actor.userId);
      if (!found) throw new DomainErrorException(domainError('NOT_FOUND', 'No such export', { entity: 'export' }));
      if (found.status !== 'done' || !found.contentKey) throw new DomainErrorException(domainError('MONITORING_EXPORT_NOT_READY', 'The export is not ready'));
      const bytes = await deps.contentStore.get(found.contentKey);
      if (!bytes) throw new DomainErrorException(domainError('NOT_FOUND', 'The export file is gone', { entity: 'export' }));
      return reply
        .header('content-type', mediaTypes[found.format])
        .header('content-disposition', `attachment; filename="${found.fileName ?? 'report'}"`)
        .send(Buffer.from(bytes));
    },
  );

  async function publicStatistics(query: z.infer<typeof periodQuery>) {
    const unit = await publicUnit(deps.db, query.unit);
    const period = periodOf(query, now());
    const { total, units } = await unitBreakdown(deps.db, unit, period, legalDateOf(now()));
    const brief = (f: ReturnType<typeof figuresOf>) => ({ received: f.received.total, resolved: f.resolved.total, onTimeRate: f.onTimeRate, onlineShare: f.onlineShare });
    return {
      unit: { code: unit.code, name: unit.name },
      period,
      ...brief(total),
      units: units.map((u) => ({ code: u.unit.code, name: u.unit.name, ...brief(u.figures) })),
    };
  }

  api.get(
    '/public/statistics',
    { schema: { tags: ['monitoring'], summary: 'Published figures of a unit and its sub-units (no login; open data)', querystring: periodQuery, response: { 200: publicStatisticsResponse, 400: problemSchema, 404: problemSchema } } },
    async (request) => publicStatistics(request.query),
  );

  api.get(
    '/public/statistics.csv',
    { schema: { tags: ['monitoring'], summary: 'The published figures as CSV (open data, UTF-8)', querystring: periodQuery, response: { 200: z.string(), 400: problemSchema, 404: problemSchema } } },
    async (request, reply) => {
      const s = await publicStatistics(request.query);
      const q = (v: string) => `"${v.replaceAll('"', '""')}"`;
      const num = (v: number | null) => (v === null ? '' : String(Math.round(v * 10000) / 10000));
      const lines = [
        'unit_code,unit_name,period_from,period_to,received,resolved,on_time_rate,online_share',
        ...[{ code: s.unit.code, name: s.unit.name, received: s.received, resolved: s.resolved, onTimeRate: s.onTimeRate, onlineShare: s.onlineShare }, ...s.units].map((u) =>
          [q(u.code), q(u.name), s.period.from, s.period.to, u.received, u.resolved, num(u.onTimeRate), num(u.onlineShare)].join(','),
        ),
      ];
      return reply.header('content-type', 'text/csv; charset=utf-8').send(`${lines.join('\n')}\n`);
    },
  );
}
