/**
 * The legal clock's API (docs/calendar.md). The two public read endpoints have exact shapes other tools and the
 * portal rely on; messages of custom checks are written "vi | en".
 */
import { z } from 'zod';

export const timeUnitValues = ['working-days', 'working-hours', 'calendar-days'] as const;
export const decisionScopeValues = ['national', 'province', 'agency'] as const;
export const decisionDayKindValues = [
  'holiday',
  'compensatory_day_off',
  'swapped_day_off',
  'extra_day_off',
  'makeup_working_day',
  'working_day',
] as const;

const NUMBER = /^\+?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

const agencyCode = z
  .string()
  .min(1, 'Mã cơ quan không được để trống | The agency code is empty')
  .max(35, 'Mã cơ quan quá dài | The agency code is too long')
  .describe('Agency identifier code, e.g. 000.00.00.H57');

// ------------------------------------------------------------------------------------------------ public reads

export const dueTimeQuery = z.object({
  receivedAt: z
    .string()
    .min(1, 'Thiếu thời điểm tiếp nhận | receivedAt is missing')
    .describe('Reception instant, ISO 8601 (e.g. 2026-04-25T20:00:00+07:00 or …Z); without an offset, Vietnam time'),
  amount: z
    .string()
    .regex(NUMBER, 'Thời hạn phải là một số | amount must be a number')
    .transform(Number)
    .refine((n) => Number.isFinite(n) && n > 0 && n <= 1000, 'Thời hạn phải lớn hơn 0 và không quá 1000 | amount must be > 0 and ≤ 1000')
    .describe('The time limit, > 0 and ≤ 1000'),
  unit: z.enum(timeUnitValues, {
    error: 'Đơn vị phải là working-days, working-hours hoặc calendar-days | unit must be working-days, working-hours or calendar-days',
  }),
  agency: agencyCode.optional(),
});

export const dueTimeResponse = z.object({
  receivedAt: z.string().describe('ISO 8601 with +07:00, to the second'),
  clockStartsAt: z.string(),
  dueAt: z.string(),
  explanation: z.array(z.string()).describe('In Vietnamese: when the clock started, which days were skipped and why'),
});
export type DueTimeResponse = z.infer<typeof dueTimeResponse>;

export const daysQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'Năm phải có dạng YYYY | year must be YYYY')
    .transform(Number)
    .refine((y) => y >= 1900 && y <= 2100, 'Năm phải từ 1900 đến 2100 | year must be between 1900 and 2100'),
  agency: agencyCode.optional(),
});

export const calendarDay = z.object({
  date: z.string(),
  working: z.boolean(),
  kind: z.enum(['holiday', 'compensatory_day_off', 'swapped_day_off', 'extra_day_off', 'makeup_working_day', 'working_day']),
  name: z.string(),
  legalBasis: z.string(),
});
export const daysResponse = z.array(calendarDay);
export type CalendarDayResponse = z.infer<typeof calendarDay>;

// ------------------------------------------------------------------------------------------------ decisions (admin)

export const decisionDayBody = z.strictObject({
  date: z.string().regex(DATE, 'Ngày phải có dạng YYYY-MM-DD | date must be YYYY-MM-DD'),
  kind: z.enum(decisionDayKindValues),
  name: z.string().trim().min(1).max(300),
});

export const recordDecisionBody = z.strictObject({
  scope: z.enum(decisionScopeValues),
  agency: agencyCode.optional().describe('Required for province and agency decisions; absent for national ones'),
  name: z.string().trim().min(1).max(300),
  legalReference: z.string().trim().min(1).max(300).describe('e.g. Thông báo 9441/TB-BNV ngày 16/10/2025'),
  note: z.string().max(2000).optional(),
  days: z.array(decisionDayBody).min(1).max(366),
});

export const revokeDecisionBody = z.strictObject({
  reason: z.string().trim().min(1).max(1000),
});

export const decisionParams = z.object({ id: z.string().min(1).max(64) });

export const decisionListQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'Năm phải có dạng YYYY | year must be YYYY')
    .transform(Number)
    .optional(),
  agency: agencyCode.optional().describe('Only decisions that apply to this agency (national ones always do)'),
  includeRevoked: z.enum(['true', 'false']).optional(),
});

const agencyRef = z.object({ code: z.string(), name: z.string() });

export const decisionResponse = z.object({
  id: z.string(),
  scope: z.enum(decisionScopeValues),
  agency: agencyRef.nullable(),
  name: z.string(),
  legalReference: z.string(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
  days: z.array(z.object({ date: z.string(), kind: z.enum(decisionDayKindValues), name: z.string() })),
});
export type DecisionResponse = z.infer<typeof decisionResponse>;
export const decisionListResponse = z.object({ items: z.array(decisionResponse) });

// ------------------------------------------------------------------------------------------------ working periods

export const workingPeriod = z.strictObject({
  start: z.string().regex(CLOCK_TIME, 'Giờ phải có dạng HH:MM | time must be HH:MM'),
  end: z.string().regex(CLOCK_TIME, 'Giờ phải có dạng HH:MM | time must be HH:MM'),
});

export const workingPeriodsQuery = z.object({ agency: agencyCode });

export const setWorkingPeriodsBody = z.strictObject({
  agency: agencyCode,
  effectiveFrom: z.string().regex(DATE, 'Ngày phải có dạng YYYY-MM-DD | date must be YYYY-MM-DD'),
  periods: z.array(workingPeriod).min(1).max(6),
});

const schedule = z.object({
  agency: agencyRef,
  effectiveFrom: z.string(),
  periods: z.array(z.object({ start: z.string(), end: z.string() })),
  recordedAt: z.string(),
});

export const workingPeriodsResponse = z.object({
  agency: agencyRef,
  /** The agency's own schedules and those it inherits, nearest agency first, newest first. */
  schedules: z.array(schedule),
  defaultPeriods: z.array(z.object({ start: z.string(), end: z.string() })),
});
export const workingPeriodScheduleResponse = schedule;
