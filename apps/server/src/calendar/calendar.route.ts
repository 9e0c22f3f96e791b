/**
 * The legal clock over HTTP (docs/calendar.md):
 *   GET /calendar/due-time   — when a dossier received at an instant is due, with the explanation (public)
 *   GET /calendar/days       — the year's exceptions: weekdays off and weekend working days (public)
 *   GET /calendar/working-periods — an agency's working periods (public)
 * and the administration of decisions and working periods (calendar-admin.route.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  daysQuery,
  daysResponse,
  dueTimeQuery,
  dueTimeResponse,
  problemSchema,
  workingPeriodsQuery,
  workingPeriodsResponse,
  type CalendarDayResponse,
} from '@motcua/contracts';
import {
  defaultWorkingPeriods,
  explainDueTime,
  formatDate,
  formatInstant,
  isWeekend,
  parseInstant,
  type DayInfo,
} from '@motcua/core/calendar';
import {
  agencyLineageAndRevision,
  calendarLoaderFor,
  findAgencyByCode,
  findAgencyById,
  listWorkingPeriodSchedules,
} from '@motcua/db/calendar';
import type { AppDeps } from '../deps';
import { calendarAdminRoutes } from './calendar-admin.route';
import { badParameter, resolveAgency, unknownAgency } from './calendar-parameters';

const outOfRange = {
  vi: 'Thời điểm tiếp nhận hoặc hạn giải quyết nằm ngoài phạm vi lịch 1900–2100',
  en: 'The reception instant or the due time lies outside the calendar years 1900–2100',
};

function listedDay(day: DayInfo): CalendarDayResponse {
  return {
    date: formatDate(day.date),
    working: day.working,
    // Only weekdays off and weekend working days are listed: never 'weekend' nor an ordinary 'working_day'.
    kind: day.kind as CalendarDayResponse['kind'],
    name: day.name ?? '',
    legalBasis: day.legalBasis ?? '',
  };
}

export async function calendarRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/calendar/due-time',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Due time (hạn giải quyết) of a dossier received at an instant, with the explanation in Vietnamese',
        querystring: dueTimeQuery,
        response: { 200: dueTimeResponse, 400: problemSchema },
      },
    },
    async (request, reply) => {
      const { receivedAt, amount, unit, agency: code } = request.query;
      const received = parseInstant(receivedAt);
      if (received === null) {
        return badParameter(request, reply, 'query.receivedAt', {
          vi: 'Thời điểm tiếp nhận không đúng định dạng ISO 8601 (ví dụ 2026-04-25T20:00:00+07:00)',
          en: 'receivedAt is not an ISO 8601 instant (e.g. 2026-04-25T20:00:00+07:00)',
        });
      }
      const agency = await resolveAgency(deps, code);
      if (agency === undefined) return badParameter(request, reply, 'query.agency', unknownAgency);
      const clock = await calendarLoaderFor(deps.db).clockFor(agency?.id ?? null);
      const input = { receivedAt: new Date(received), limit: { amount, unit } };
      const due = clock.dueTime(input);
      if (!due.ok) return badParameter(request, reply, 'query.receivedAt', outOfRange);
      return {
        receivedAt: formatInstant(received),
        clockStartsAt: formatInstant(due.value.clockStartsAt.getTime()),
        dueAt: formatInstant(due.value.dueAt.getTime()),
        explanation: explainDueTime(clock, input, due.value),
      };
    },
  );

  api.get(
    '/calendar/days',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Every weekday that is not a working day and every weekend day that is, in a year',
        querystring: daysQuery,
        response: { 200: daysResponse, 400: problemSchema },
      },
    },
    async (request, reply) => {
      const agency = await resolveAgency(deps, request.query.agency);
      if (agency === undefined) return badParameter(request, reply, 'query.agency', unknownAgency);
      const clock = await calendarLoaderFor(deps.db).clockFor(agency?.id ?? null);
      return clock.calendar
        .daysOfYear(request.query.year)
        .filter((day) => (isWeekend(day.date) ? day.working : !day.working))
        .map(listedDay);
    },
  );

  api.get(
    '/calendar/working-periods',
    {
      schema: {
        tags: ['calendar'],
        summary: "An agency's working periods: its own schedules and those it inherits",
        querystring: workingPeriodsQuery,
        response: { 200: workingPeriodsResponse, 400: problemSchema },
      },
    },
    async (request, reply) => {
      const agency = await findAgencyByCode(deps.db, request.query.agency);
      if (!agency) return badParameter(request, reply, 'query.agency', unknownAgency);
      const { lineage } = await agencyLineageAndRevision(deps.db, agency.id);
      const schedules = await listWorkingPeriodSchedules(deps.db, lineage);
      const refs = new Map<string, { code: string; name: string }>();
      for (const id of lineage) {
        const ref = await findAgencyById(deps.db, id);
        if (ref) refs.set(id, { code: ref.code, name: ref.name });
      }
      const order = (id: string) => lineage.indexOf(id);
      return {
        agency: { code: agency.code, name: agency.name },
        schedules: schedules
          .sort((a, b) => order(a.agencyId) - order(b.agencyId))
          .map((s) => ({
            agency: refs.get(s.agencyId)!,
            effectiveFrom: s.effectiveFrom,
            periods: [...s.periods],
            recordedAt: s.recordedAt.toISOString(),
          })),
        defaultPeriods: [...defaultWorkingPeriods],
      };
    },
  );

  await calendarAdminRoutes(api, deps);
}
