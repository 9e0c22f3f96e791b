/**
 * The legal clock's API for the web app (docs/calendar.md): the year's exceptional days, due times with their
 * explanation, and the decisions administrators record. Every change invalidates everything under ['calendar'].
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  daysResponse,
  decisionListResponse,
  decisionResponse,
  dueTimeResponse,
  type recordDecisionBody,
  type timeUnitValues,
} from '@motcua/contracts/calendar';
import { api, type Infer } from '../api';

export type CalendarDay = Infer<typeof daysResponse>[number];
export type DayKind = CalendarDay['kind'];
export type Decision = Infer<typeof decisionResponse>;
export type DueTime = Infer<typeof dueTimeResponse>;
export type TimeUnit = (typeof timeUnitValues)[number];
export type RecordDecisionRequest = Infer<typeof recordDecisionBody>;

export interface DueTimeRequest {
  /** ISO 8601; without an offset the server reads Vietnam time. */
  receivedAt: string;
  amount: number;
  unit: TimeUnit;
  /** Agency code; absent: the national calendar. */
  agency?: string;
}

export const calendarKey = ['calendar'] as const;

const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();

export function useCalendarDays(year: number, agency?: string) {
  return useQuery({
    queryKey: [...calendarKey, 'days', year, agency ?? ''],
    queryFn: ({ signal }) => api.get(`/calendar/days?${query({ year, agency })}`, daysResponse, { signal }),
  });
}

export function useDueTime(request: DueTimeRequest | null) {
  return useQuery({
    queryKey: [...calendarKey, 'due-time', request],
    enabled: request !== null,
    queryFn: ({ signal }) => api.get(`/calendar/due-time?${query({ ...request! })}`, dueTimeResponse, { signal }),
  });
}

export function useDecisions(year: number, includeRevoked: boolean) {
  return useQuery({
    queryKey: [...calendarKey, 'decisions', year, includeRevoked],
    queryFn: ({ signal }) =>
      api.get(`/calendar/decisions?${query({ year, includeRevoked: includeRevoked ? 'true' : undefined })}`, decisionListResponse, {
        signal,
      }),
  });
}

export function useRecordDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordDecisionRequest) => api.post('/calendar/decisions', body, decisionResponse),
    onSuccess: () => client.invalidateQueries({ queryKey: calendarKey }),
  });
}

export function useRevokeDecision() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post(`/calendar/decisions/${encodeURIComponent(id)}/revoke`, { reason }, decisionResponse),
    onSuccess: () => client.invalidateQueries({ queryKey: calendarKey }),
  });
}

/** 'YYYY-MM-DD' or an ISO instant, shown in Vietnam time in the page's language. */
export function formatVietnamTime(iso: string, language: string, withTime = true): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00+07:00`) : new Date(iso);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
  }).format(date);
}

/** The current year in Vietnam. */
export function vietnamYear(now: Date = new Date()): number {
  return new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear();
}

/** Today's date in Vietnam as 'YYYY-MM-DD', or the date `offsetDays` later. */
export function vietnamDate(offsetDays = 0, now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
