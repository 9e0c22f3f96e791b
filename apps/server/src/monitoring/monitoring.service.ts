/**
 * The monitoring reads: a unit's figures for a period, its sub-units', the weekly trend, pending dossiers now,
 * the overdue list, Biểu II.06a. Every figure comes from core's definitions over the rollups.
 */
import { DomainErrorException, domainError, type Actor, type OfficerActor, type OfficerRole } from '@motcua/core';
import { formatDate, localDayOf } from '@motcua/core/calendar';
import {
  addSums,
  buildIi06a,
  buildIi07b,
  emptySums,
  figuresOf,
  ii06aColumnKeys,
  resolvePeriod,
  type Ii06aReport,
  type Ii07bReport,
  type MonitoringFigures,
  type Period,
  type PeriodRequest,
  type RollupSums,
} from '@motcua/core/monitoring';
import { visibleAgencies } from '@motcua/core/organization';
import { ii06aColumnKeys as publishedColumns } from '@motcua/contracts/monitoring';
import type { Queryable } from '@motcua/db';
import { legalClockCacheFor } from '@motcua/db/dossiers';
import {
  agencyKinds,
  agencyNodes,
  catalogueFacts,
  childUnits,
  drillDownDossiers,
  officerFigures,
  findUnit,
  overdueDossiers,
  pendingNow,
  periodSums,
  procedureFields,
  weeklyTrend,
  type MonitoredDossier,
  type UnitRef,
} from '@motcua/db/monitoring';
import { listSuccessionLinks } from '@motcua/db/organization';

/**
 * Core computes the Biểu II.06a columns and contracts publish their list to the screen (core may not import
 * contracts): this assignment fails to compile unless both lists hold the same keys in the same order.
 */
const sameIi06aColumns: typeof publishedColumns = ii06aColumnKeys;
void sameIi06aColumns;

/** Who may read the dashboards and reports: monitors and leaders (docs/monitoring.md). */
export const monitoringRoles: readonly OfficerRole[] = ['monitor', 'agency_leader', 'department_head', 'desk_supervisor', 'system_administrator'];

/** Who may see figures per officer: their supervisors. */
export const supervisorRoles: readonly OfficerRole[] = ['agency_leader', 'department_head', 'desk_supervisor', 'system_administrator'];

export const legalDateOf = (instant: Date): string => formatDate(localDayOf(instant.getTime()));

export function periodOf(query: { period?: PeriodRequest['kind']; year?: number | undefined; index?: number | undefined; from?: string | undefined; to?: string | undefined }, now: Date): Period {
  const today = legalDateOf(now);
  const kind = query.period ?? 'month';
  const year = query.year ?? Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const index = query.index ?? (kind === 'month' ? month : kind === 'quarter' ? Math.ceil(month / 3) : kind === 'half' ? Math.ceil(month / 6) : 1);
  const resolved = resolvePeriod({ kind, year, index, ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) });
  if (!resolved.ok) throw new DomainErrorException(resolved.error);
  return resolved.value;
}

const notFound = (unit: string) => new DomainErrorException(domainError('NOT_FOUND', `No unit ${unit}`, { entity: 'agency' }));

/** The unit an officer asks about: given and within their scope, or their first monitoring grant's agency. */
export async function officerUnit(q: Queryable, actor: OfficerActor, unit: string | undefined): Promise<UnitRef> {
  const grant = actor.grants.find((g) => monitoringRoles.includes(g.role));
  const wanted = unit ?? grant?.agencyId;
  if (!wanted) throw notFound('(none)');
  const found = await findUnit(q, wanted);
  const isAdmin = actor.grants.some((g) => g.role === 'system_administrator');
  if (!found || (!isAdmin && !actor.visibleAgencyIds.includes(found.id))) throw notFound(wanted);
  return found;
}

export async function publicUnit(q: Queryable, unit: string | undefined): Promise<UnitRef> {
  const found = unit ? await findUnit(q, unit) : null;
  if (!found) throw notFound(unit ?? '(none)');
  return found;
}

/** Members of units (sub-agencies and merged predecessors), from one read of the tree. */
export async function unitMembership(q: Queryable, unitIds: readonly string[]): Promise<Map<string, Set<string>>> {
  return (await membershipWithTree(q, unitIds)).membership;
}

/** The agencies a unit's figures filter on: its members, or null when it stands for every agency of the tree. */
export async function unitAgencyFilter(q: Queryable, unitId: string): Promise<string[] | null> {
  const { membership, nodes } = await membershipWithTree(q, [unitId]);
  const members = membership.get(unitId)!;
  return nodes.every((n) => members.has(n.id)) ? null : [...members];
}

async function membershipWithTree(q: Queryable, unitIds: readonly string[]) {
  const [nodes, links] = await Promise.all([agencyNodes(q), listSuccessionLinks(q)]);
  const membership = new Map(unitIds.map((id) => [id, visibleAgencies([{ agencyId: id, includeSubAgencies: true }], nodes, links)]));
  return { membership, nodes };
}

export interface UnitFigures {
  readonly unit: UnitRef;
  readonly figures: MonitoringFigures;
  readonly hasChildren: boolean;
}

/** The unit's figures and each direct sub-unit's, from one grouped read of the rollups. */
export async function unitBreakdown(
  q: Queryable,
  unit: UnitRef,
  period: Period,
  today: string,
): Promise<{ total: MonitoringFigures; units: UnitFigures[]; members: Set<string>; agencyIds: string[] | null }> {
  const children = await childUnits(q, unit.id, today);
  const { membership, nodes } = await membershipWithTree(q, [unit.id, ...children.map((c) => c.id)]);
  const members = membership.get(unit.id)!;
  // A unit standing for every agency (the province) needs no agency filter: every row is its own.
  const agencyIds = nodes.every((n) => members.has(n.id)) ? null : [...members];
  const pairs = await periodSums(q, { agencyIds, from: period.from, to: period.to, groupBy: 'pair' });
  let total: RollupSums = emptySums;
  for (const p of pairs) total = addSums(total, p.sums);
  const units = children.map((c) => {
    const set = membership.get(c.id)!;
    let sums: RollupSums = emptySums;
    for (const p of pairs) if (set.has(p.competentAgencyId!) || set.has(p.receivingAgencyId!)) sums = addSums(sums, p.sums);
    return { unit: c, figures: figuresOf(sums), hasChildren: nodes.some((n) => n.parentId === c.id) };
  });
  return { total: figuresOf(total), units, members, agencyIds };
}

export async function ii06aReport(q: Queryable, unit: UnitRef, period: Period): Promise<Ii06aReport> {
  const agencyIds = await unitAgencyFilter(q, unit.id);
  const byProcedure = await periodSums(q, { agencyIds, from: period.from, to: period.to, groupBy: 'procedure', only: 'ii06a' });
  const fields = await procedureFields(q, byProcedure.map((p) => p.group));
  return buildIi06a(
    { code: unit.code, name: unit.name },
    period,
    byProcedure.map((p) => {
      const f = fields.get(p.group);
      return { procedureCode: p.group, procedureName: f?.procedureName ?? p.group, fieldCode: f?.fieldCode ?? null, fieldName: f?.fieldName ?? null, sums: p.sums };
    }),
  );
}

/** Biểu II.07b for a unit: the catalogue in effect on `date`, matched against the unit's agencies (core buildIi07b). */
export async function ii07bReport(q: Queryable, unit: UnitRef, date: string): Promise<Ii07bReport> {
  const members = (await unitMembership(q, [unit.id])).get(unit.id)!;
  const [facts, agencies] = await Promise.all([catalogueFacts(q, date), agencyKinds(q, [...members])]);
  return buildIi07b(date, facts, { code: unit.code, name: unit.name, agencies });
}

export async function procedureBreakdown(q: Queryable, unit: UnitRef, period: Period) {
  const agencyIds = await unitAgencyFilter(q, unit.id);
  const byProcedure = await periodSums(q, { agencyIds, from: period.from, to: period.to, groupBy: 'procedure' });
  const fields = await procedureFields(q, byProcedure.map((p) => p.group));
  return byProcedure
    .map((p) => ({
      procedureCode: p.group,
      procedureName: fields.get(p.group)?.procedureName ?? p.group,
      fieldName: fields.get(p.group)?.fieldName ?? null,
      figures: figuresOf(p.sums),
    }))
    .sort((a, b) => b.figures.received.total + b.figures.pending.total - (a.figures.received.total + a.figures.pending.total));
}

const ageLabels = [
  { max: 1, label: '< 1' },
  { max: 3, label: '1–2' },
  { max: 7, label: '3–6' },
  { max: 15, label: '7–14' },
  { max: 30, label: '15–29' },
  { max: Infinity, label: '≥ 30' },
];

/** Pending now by urgency (due within a working day on the unit's legal clock) and by days since reception. */
export async function pendingOverview(q: Queryable, unit: UnitRef, agencyIds: readonly string[] | null, now: Date) {
  const clock = await legalClockCacheFor(q).through(q).clockFor(unit.id);
  const soon = clock.addWorkingMinutes(clock.clockStart(now), clock.workingDayMinutes(now));
  const limits = ageLabels.filter((a) => Number.isFinite(a.max)).map((a) => a.max);
  const { counts, byAge } = await pendingNow(q, agencyIds, now, soon, limits);
  return {
    notYetDue: counts['not_yet_due'] ?? 0,
    dueWithinWorkingDay: counts['due_within_working_day'] ?? 0,
    overdue: counts['overdue'] ?? 0,
    waitingSupplement: counts['waiting_supplement'] ?? 0,
    waitingPayment: counts['waiting_payment'] ?? 0,
    byAge: ageLabels.map((a, i) => ({ label: a.label, dossiers: byAge[i] ?? 0 })),
  };
}

export function dossierDto(d: MonitoredDossier) {
  return {
    id: d.id,
    code: d.code,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    state: d.state,
    receivedAt: d.receivedAt?.toISOString() ?? null,
    dueAt: d.dueAt?.toISOString() ?? null,
    extendedDueAt: d.extendedDueAt?.toISOString() ?? null,
    resolvedAt: d.resolvedAt?.toISOString() ?? null,
    timeliness: d.timeliness,
    responsibleUnit: d.currentAgencyName,
  };
}

/** The weekly trend shows at most the last 13 weeks of the period (a quarter's bars stay readable on a phone). */
export function trendFrom(period: Period): string {
  const earliest = new Date(Date.parse(`${period.to}T00:00:00Z`) - 13 * 7 * 86_400_000).toISOString().slice(0, 10);
  return earliest > period.from ? earliest : period.from;
}

export async function overview(q: Queryable, actor: Actor, unit: UnitRef, period: Period, now: Date) {
  const today = legalDateOf(now);
  const { total, units, agencyIds } = await unitBreakdown(q, unit, period, today);
  const [trend, pending, overdue] = await Promise.all([
    weeklyTrend(q, { agencyIds, from: trendFrom(period), to: period.to }),
    pendingOverview(q, unit, agencyIds, now),
    overdueDossiers(q, actor, agencyIds, now, 50),
  ]);
  return { unit: ref(unit), period, figures: total, trend, units: units.map((u) => ({ ...u, unit: ref(u.unit) })), pendingNow: pending, overdue: overdue.map(dossierDto) };
}

const periodInstants = (period: Period) => ({
  fromInstant: new Date(`${period.from}T00:00:00+07:00`),
  toInstant: new Date(new Date(`${period.to}T00:00:00+07:00`).getTime() + 86_400_000),
});

export async function officers(q: Queryable, unit: UnitRef, period: Period) {
  const members = (await unitMembership(q, [unit.id])).get(unit.id)!;
  return { unit: ref(unit), period, officers: await officerFigures(q, { agencyIds: [...members], ...periodInstants(period) }) };
}

export async function drillDown(q: Queryable, actor: Actor, unit: UnitRef, period: Period, procedureCode: string) {
  const members = (await unitMembership(q, [unit.id])).get(unit.id)!;
  const from = new Date(`${period.from}T00:00:00+07:00`);
  const to = new Date(new Date(`${period.to}T00:00:00+07:00`).getTime() + 86_400_000);
  const dossiers = await drillDownDossiers(q, actor, { agencyIds: [...members], procedureCode, fromInstant: from, toInstant: to, limit: 200 });
  return { unit: ref(unit), period, procedureCode, dossiers: dossiers.map(dossierDto) };
}

export const ref = (u: UnitRef) => ({ id: u.id, code: u.code, name: u.name });
