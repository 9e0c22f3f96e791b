/**
 * @motcua/core/calendar — the legal clock: the Vietnamese lunar calendar, statutory holidays and compensatory
 * days, official decisions, working periods, and due times (docs/calendar.md).
 *
 *   const calendar = WorkCalendar.of({ decisions: nationalDecisions2026 });
 *   const clock = new LegalClock(calendar);
 *   clock.dueTime({ receivedAt, limit: { amount: 5, unit: 'working-days' } })  // Result<DueTime>
 *   explainDueTime(clock, input, due)                                          // Vietnamese lines
 */
export * from './calendar.errors';
export {
  DAY_MS,
  FIRST_YEAR,
  LAST_YEAR,
  VIETNAM_OFFSET_MS,
  civilFromDay,
  dayFromCivil,
  formatDate,
  formatInstant,
  formatVietnameseDate,
  formatVietnameseInstant,
  isWeekend,
  localDayOf,
  parseDate,
  parseInstant,
  weekdayOf,
  type CivilDate,
  type DayNumber,
} from './local-time';
export { dayToLunar, formatLunarDay, lunarNewYear, lunarToDay, lunarYearName, type LunarDay } from './lunar';
export {
  COMPENSATORY_DAY_BASIS,
  defaultDaysOffOfYear,
  holidaysOfYear,
  statutoryHolidays,
  type DefaultDayOff,
  type HolidayDay,
  type HolidayRule,
} from './statutory-holidays';
export {
  decisionDayKinds,
  decisionScopes,
  isWorkingKind,
  nationalDecisions2026,
  validateDecision,
  type CalendarDecision,
  type DecisionDay,
  type DecisionDayKind,
  type DecisionScope,
} from './decisions';
export {
  defaultWorkingPeriods,
  describePeriods,
  parseWorkingPeriods,
  validateWorkingPeriodSchedule,
  type WorkingPeriod,
  type WorkingPeriodSchedule,
} from './working-periods';
export { FIRST_DAY, LAST_DAY, WorkCalendar, type DayInfo, type DayKind, type WorkCalendarDefinition } from './work-calendar';
export {
  LegalClock,
  MAX_AMOUNT,
  compareStepBudgets,
  timeUnits,
  validateTimeLimit,
  type ClockPause,
  type DueTime,
  type DueTimeInput,
  type DueTimeRecord,
  type Extension,
  type StepBudget,
  type StepDueTime,
  type TimeLimit,
  type TimeUnit,
} from './legal-clock';
export { describeDays, explainDueTime } from './explain';
export { dueTimeShifts, type DueTimeShift, type DueTimeShiftCandidate, type DueTimeShiftReport } from './due-time-shift';
