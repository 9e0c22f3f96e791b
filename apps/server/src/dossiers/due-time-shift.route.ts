/**
 * Calendar decisions after receipts (issue 3, docs/calendar.md §6): which open dossiers and active steps a
 * decision moves, and the desk supervisor's application of the move to one dossier (`POST
 * /dossiers/{id}/due-time-shift`, an action in dossier-actions.route.ts: one `shift_due_time` event and audit row
 * per dossier; the first due time and an extension are kept).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainErrorException, domainError } from '@motcua/core';
import { LegalClock as CalendarClock, WorkCalendar, type WorkCalendarDefinition } from '@motcua/core/calendar';
import { dueTimeShiftOf, legalClockOf, type LegalClock } from '@motcua/core/dossiers';
import { decisionIdParams, dueTimeShiftListResponse } from '@motcua/contracts/dossiers';
import { problemSchema } from '@motcua/contracts';
import { findDecision, loadCalendarSnapshot, type StoredDecision } from '@motcua/db/calendar';
import { dueTimeShiftCandidates, findDossier } from '@motcua/db/dossiers';
import type { Queryable } from '@motcua/db';
import type { AppDeps } from '../deps';
import { requireOfficer } from '../identity/guards';

const LIMIT = 500;

/** The calendar of an agency before and after the decision (a revoked decision: with it, then without it). */
async function clocksAround(db: Queryable, agencyId: string, decision: StoredDecision): Promise<{ before: LegalClock; after: LegalClock }> {
  const snapshot = await loadCalendarSnapshot(db, agencyId);
  const definition = snapshot.definition;
  const without = (definition.decisions ?? []).filter((d) => d.id !== decision.id);
  const applies = decision.scope === 'national' || (decision.agencyId !== null && snapshot.lineage.includes(decision.agencyId));
  const clock = (def: WorkCalendarDefinition) => legalClockOf(new CalendarClock(WorkCalendar.of(def)));
  if (decision.revokedAt) {
    const withIt = applies ? [...without, decision] : without;
    return { before: clock({ ...definition, decisions: withIt }), after: clock(definition) };
  }
  return { before: clock({ ...definition, decisions: without }), after: clock(definition) };
}

export async function dueTimeShiftRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/calendar/decisions/:decisionId/due-time-shifts',
    {
      schema: {
        tags: ['dossier actions'],
        summary: 'The open dossiers and active steps (that you see) whose due time a calendar decision moves',
        description:
          'Before: the calendar without the decision (for a revoked one, with it); after: the calendar in force. ' +
          'A desk supervisor applies a move with POST /dossiers/{id}/due-time-shift. At most 500 dossiers, most urgent first.',
        params: decisionIdParams,
        response: { 200: dueTimeShiftListResponse, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const actor = requireOfficer(request);
      const decision = await findDecision(deps.db, request.params.decisionId);
      if (!decision) throw new DomainErrorException(domainError('NOT_FOUND', 'No such calendar decision', { entity: 'calendar_decision' }));
      const firstDay = [...decision.days].map((d) => d.date).sort()[0]!;
      const since = new Date(`${firstDay}T00:00:00+07:00`);
      const ids = await dueTimeShiftCandidates(deps.db, actor, since, LIMIT);
      const clocks = new Map<string, { before: LegalClock; after: LegalClock }>();
      const items = [];
      for (const id of ids) {
        const dossier = await findDossier(deps.db, actor, id);
        if (!dossier) continue;
        let pair = clocks.get(dossier.competentAgencyId);
        if (!pair) {
          pair = await clocksAround(deps.db, dossier.competentAgencyId, decision);
          clocks.set(dossier.competentAgencyId, pair);
        }
        const shift = dueTimeShiftOf(dossier, pair.before, pair.after);
        if (!shift) continue;
        items.push({
          dossierId: dossier.id,
          code: dossier.code,
          procedureName: dossier.procedure.procedureName,
          dueAt: shift.dueAt ? { before: shift.dueAt.before.toISOString(), after: shift.dueAt.after.toISOString() } : null,
          extendedDueAt: dossier.extendedDueAt?.toISOString() ?? null,
          steps: shift.steps.map((s) => ({ stepId: s.stepId, order: s.order, before: s.before.toISOString(), after: s.after.toISOString() })),
        });
      }
      return { decision: { id: decision.id, name: decision.name, revoked: decision.revokedAt !== null }, items };
    },
  );
}
