/**
 * The working calendar of one agency: which days are working days, and the working periods of each, from the
 * default rules (weekends, statutory holidays, compensatory days), the official decisions that override them, and
 * the agency's effective-dated working periods.
 *
 * Arithmetic on working time is O(log n) per call: each year gets a table, built on first use, of the working time
 * elapsed before each of its days (a prefix sum); positions are found by binary search and years are crossed by
 * their totals. No day-by-day loops.
 *
 * Instants are epoch milliseconds here (the fast path); legal-clock.ts offers the Date-based API.
 */
import { ok, type DomainError, type Result } from '../shared/index';
import { isWorkingKind, orderDecisions, validateDecision, type CalendarDecision, type DecisionDay } from './decisions';
import {
  DAY_MS,
  FIRST_YEAR,
  LAST_YEAR,
  VIETNAM_OFFSET_MS,
  dayFromCivil,
  isWeekend,
  parseDate,
  type DayNumber,
} from './local-time';
import { defaultDaysOffOfYear, statutoryHolidays, type DefaultDayOff, type HolidayRule } from './statutory-holidays';
import {
  defaultWorkingPeriods,
  parseWorkingPeriods,
  timeAfterWorking,
  validateWorkingPeriodSchedule,
  workedBefore,
  type PeriodSet,
  type WorkingPeriod,
  type WorkingPeriodSchedule,
} from './working-periods';

export type DayKind =
  | 'working_day'
  | 'weekend'
  | 'holiday'
  | 'compensatory_day_off'
  | 'swapped_day_off'
  | 'extra_day_off'
  | 'makeup_working_day';

export interface DayInfo {
  readonly date: DayNumber;
  readonly working: boolean;
  /** Why the day is what it is; a holiday on a weekend day is 'holiday'. */
  readonly kind: DayKind;
  /** The holiday's or the decision day's name; null for ordinary working days and weekends. */
  readonly name: string | null;
  readonly legalBasis: string | null;
  /** The decision that fixed this day, if one did. */
  readonly decisionId: string | null;
  readonly decisionName: string | null;
  /** Working periods of the day (empty when not working). */
  readonly periods: readonly WorkingPeriod[];
}

export interface WorkCalendarDefinition {
  /** Default: the statutory list (statutory-holidays.ts). */
  readonly holidayRules?: readonly HolidayRule[];
  /** National decisions, then the province's and the agency's own; any order (decisions.ts orders them). */
  readonly decisions?: readonly CalendarDecision[];
  /**
   * Working-period schedules, most specific first: the agency's own, then its parent's, and so on. For each date
   * the first layer with a schedule in effect wins; with none, `defaultWorkingPeriods`.
   */
  readonly workingPeriodLayers?: readonly (readonly WorkingPeriodSchedule[])[];
  readonly defaultWorkingPeriods?: readonly WorkingPeriod[];
}

interface YearTable {
  readonly year: number;
  readonly first: DayNumber;
  readonly length: number;
  /** cum[i] = working time of the year before day i; cum[length] = the year's total. */
  readonly cum: Float64Array;
  /** Periods of each day; null on days off. */
  readonly sched: (PeriodSet | null)[];
  readonly info: DayInfo[];
}

interface ParsedSchedule {
  readonly from: DayNumber;
  readonly set: PeriodSet;
}

const YEAR_COUNT = LAST_YEAR - FIRST_YEAR + 1;
const YEAR_STARTS: number[] = Array.from({ length: YEAR_COUNT + 1 }, (_, i) => dayFromCivil(FIRST_YEAR + i, 1, 1));
export const FIRST_DAY: DayNumber = YEAR_STARTS[0]!;
export const LAST_DAY: DayNumber = YEAR_STARTS[YEAR_COUNT]! - 1;

const noDecision = { decisionId: null, decisionName: null } as const;

/** Index (year − 1900) of the year containing a day; -1 outside 1900–2100. */
function yearIndexOf(day: DayNumber): number {
  if (day < FIRST_DAY || day > LAST_DAY) return -1;
  let i = Math.floor((day - FIRST_DAY) / 365.2425);
  while (YEAR_STARTS[i + 1]! <= day) i++;
  while (YEAR_STARTS[i]! > day) i--;
  return i;
}

/** Smallest i in [0, length) with cum[i + 1] >= target (target ≤ cum[length]). */
function searchAtLeast(cum: Float64Array, length: number, target: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid + 1]! >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export class WorkCalendar {
  private readonly tables: (YearTable | undefined)[] = new Array(YEAR_COUNT);
  private readonly decisionDays = new Map<DayNumber, { decision: CalendarDecision; day: DecisionDay }>();
  private readonly layers: readonly ParsedSchedule[][];
  private readonly fallback: PeriodSet;
  private readonly rules: readonly HolidayRule[];

  private constructor(
    rules: readonly HolidayRule[],
    decisions: readonly CalendarDecision[],
    layers: ParsedSchedule[][],
    fallback: PeriodSet,
  ) {
    this.rules = rules;
    this.layers = layers;
    this.fallback = fallback;
    for (const decision of orderDecisions(decisions)) {
      for (const day of decision.days) this.decisionDays.set(parseDate(day.date)!, { decision, day });
    }
  }

  /** Validates the definition (decisions, periods) and builds the calendar. */
  static create(definition: WorkCalendarDefinition = {}): Result<WorkCalendar, DomainError> {
    const decisions = definition.decisions ?? [];
    for (const decision of decisions) {
      const valid = validateDecision(decision);
      if (!valid.ok) return valid;
    }
    const fallback = parseWorkingPeriods(definition.defaultWorkingPeriods ?? defaultWorkingPeriods);
    if (!fallback.ok) return fallback;
    const layers: ParsedSchedule[][] = [];
    for (const layer of definition.workingPeriodLayers ?? []) {
      const parsed: ParsedSchedule[] = [];
      for (const schedule of layer) {
        const set = validateWorkingPeriodSchedule(schedule);
        if (!set.ok) return set;
        parsed.push({ from: parseDate(schedule.effectiveFrom)!, set: set.value });
      }
      layers.push(parsed.sort((a, b) => b.from - a.from));
    }
    return ok(new WorkCalendar(definition.holidayRules ?? statutoryHolidays, decisions, layers, fallback.value));
  }

  /** Like create, for definitions known to be valid (constants, tests); throws otherwise. */
  static of(definition: WorkCalendarDefinition = {}): WorkCalendar {
    const result = WorkCalendar.create(definition);
    if (!result.ok) throw new Error(`Invalid calendar definition: ${result.error.message}`);
    return result.value;
  }

  // ---------------------------------------------------------------------------------------------- days

  /** The status of a date; throws RangeError outside 1900–2100. */
  day(date: DayNumber): DayInfo {
    const index = yearIndexOf(date);
    if (index < 0) throw new RangeError(`Day ${date} is outside ${FIRST_YEAR}–${LAST_YEAR}`);
    const table = this.table(index);
    return table.info[date - table.first]!;
  }

  isWorkingDay(date: DayNumber): boolean {
    return this.day(date).working;
  }

  /** Every day of a year, in date order. */
  daysOfYear(year: number): readonly DayInfo[] {
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
      throw new RangeError(`Year ${year} is outside ${FIRST_YEAR}–${LAST_YEAR}`);
    }
    return this.table(year - FIRST_YEAR).info;
  }

  /** Working time of a date (0 on days off). */
  dayWorkingMs(date: DayNumber): number {
    const index = yearIndexOf(date);
    if (index < 0) return Number.NaN;
    const table = this.table(index);
    const i = date - table.first;
    return table.cum[i + 1]! - table.cum[i]!;
  }

  /** The first working day on or after a date; NaN past 2100. */
  workingDayOnOrAfter(date: DayNumber): DayNumber {
    let index = yearIndexOf(date);
    if (index < 0) return Number.NaN;
    let table = this.table(index);
    let i = date - table.first;
    if (table.sched[i]) return date;
    // The first day whose prefix sum grows past the one at this day.
    let above = table.cum[i + 1]!;
    while (above >= table.cum[table.length]!) {
      index++;
      if (index >= YEAR_COUNT) return Number.NaN;
      table = this.table(index);
      above = 0;
    }
    i = searchAtLeast(table.cum, table.length, above + 1);
    return table.first + i;
  }

  /** The instant the last working period of a working day ends. */
  endOfWorkingDayMs(date: DayNumber): number {
    const index = yearIndexOf(date);
    if (index < 0) return Number.NaN;
    const table = this.table(index);
    const set = table.sched[date - table.first];
    if (!set) throw new RangeError(`Day ${date} is not a working day`);
    return date * DAY_MS - VIETNAM_OFFSET_MS + set.endsMs[set.endsMs.length - 1]!;
  }

  /** The instant the first working period of a working day starts. */
  startOfWorkingDayMs(date: DayNumber): number {
    const index = yearIndexOf(date);
    if (index < 0) return Number.NaN;
    const table = this.table(index);
    const set = table.sched[date - table.first];
    if (!set) throw new RangeError(`Day ${date} is not a working day`);
    return date * DAY_MS - VIETNAM_OFFSET_MS + set.startsMs[0]!;
  }

  // ---------------------------------------------------------------------------------------------- working time

  /**
   * When the clock starts for something received at `t`: `t` itself inside a working period ([start, end)),
   * otherwise the start of the next working period. NaN outside the supported years.
   */
  clockStartMs(t: number): number {
    const local = t + VIETNAM_OFFSET_MS;
    const date = Math.floor(local / DAY_MS);
    const index = yearIndexOf(date);
    if (index < 0) return Number.NaN;
    const table = this.table(index);
    const set = table.sched[date - table.first];
    if (set) {
      const timeOfDay = local - date * DAY_MS;
      for (let k = 0; k < set.endsMs.length; k++) {
        if (timeOfDay < set.endsMs[k]!) return timeOfDay >= set.startsMs[k]! ? t : t - timeOfDay + set.startsMs[k]!;
      }
    }
    const next = this.workingDayOnOrAfter(date + 1);
    return Number.isNaN(next) ? Number.NaN : this.startOfWorkingDayMs(next);
  }

  /**
   * The earliest instant by which `workMs` (> 0) of working time has elapsed after `t` — so a due time that lands
   * exactly on the end of a period stays there. NaN when it would fall after 2100.
   */
  addWorkingMs(t: number, workMs: number): number {
    const local = t + VIETNAM_OFFSET_MS;
    const date = Math.floor(local / DAY_MS);
    let index = yearIndexOf(date);
    if (index < 0 || !(workMs > 0)) return Number.NaN;
    let table = this.table(index);
    const i = date - table.first;
    const set = table.sched[i];
    let target = table.cum[i]! + (set ? workedBefore(set, local - date * DAY_MS) : 0) + workMs;
    while (target > table.cum[table.length]!) {
      target -= table.cum[table.length]!;
      index++;
      if (index >= YEAR_COUNT) return Number.NaN;
      table = this.table(index);
    }
    const j = searchAtLeast(table.cum, table.length, target);
    const day = table.sched[j]!;
    return (table.first + j) * DAY_MS - VIETNAM_OFFSET_MS + timeAfterWorking(day, target - table.cum[j]!);
  }

  /** Working time in [a, b) (negative when b is before a). NaN outside the supported years. */
  workingMsBetween(a: number, b: number): number {
    if (b < a) return -this.workingMsBetween(b, a);
    const pa = this.position(a);
    const pb = this.position(b);
    if (Number.isNaN(pa) || Number.isNaN(pb)) return Number.NaN;
    let total = pb - pa;
    const ya = yearIndexOf(Math.floor((a + VIETNAM_OFFSET_MS) / DAY_MS));
    const yb = yearIndexOf(Math.floor((b + VIETNAM_OFFSET_MS) / DAY_MS));
    for (let y = ya; y < yb; y++) {
      const table = this.table(y);
      total += table.cum[table.length]!;
    }
    return total;
  }

  /** Working time from the start of t's year to t. */
  private position(t: number): number {
    const local = t + VIETNAM_OFFSET_MS;
    const date = Math.floor(local / DAY_MS);
    const index = yearIndexOf(date);
    if (index < 0) return Number.NaN;
    const table = this.table(index);
    const i = date - table.first;
    const set = table.sched[i];
    return table.cum[i]! + (set ? workedBefore(set, local - date * DAY_MS) : 0);
  }

  // ---------------------------------------------------------------------------------------------- tables

  private table(index: number): YearTable {
    return (this.tables[index] ??= this.buildTable(FIRST_YEAR + index));
  }

  private buildTable(year: number): YearTable {
    const first = YEAR_STARTS[year - FIRST_YEAR]!;
    const length = YEAR_STARTS[year - FIRST_YEAR + 1]! - first;
    const defaults = defaultDaysOffOfYear(year, this.rules);
    const cum = new Float64Array(length + 1);
    const sched: (PeriodSet | null)[] = new Array(length);
    const info: DayInfo[] = new Array(length);
    for (let i = 0; i < length; i++) {
      const date = first + i;
      const status = this.statusOf(date, defaults.get(date));
      const set = status.working ? this.periodSetFor(date) : null;
      sched[i] = set;
      info[i] = { ...status, date, periods: set ? set.periods : [] };
      cum[i + 1] = cum[i]! + (set ? set.totalMs : 0);
    }
    return { year, first, length, cum, sched, info };
  }

  private statusOf(
    date: DayNumber,
    defaultOff: DefaultDayOff | undefined,
  ): Omit<DayInfo, 'date' | 'periods'> {
    const decided = this.decisionDays.get(date);
    if (decided) {
      return {
        working: isWorkingKind(decided.day.kind),
        kind: decided.day.kind,
        name: decided.day.name,
        legalBasis: decided.decision.legalReference,
        decisionId: decided.decision.id,
        decisionName: decided.decision.name,
      };
    }
    if (defaultOff) {
      return { working: false, kind: defaultOff.kind, name: defaultOff.name, legalBasis: defaultOff.legalBasis, ...noDecision };
    }
    if (isWeekend(date)) return { working: false, kind: 'weekend', name: null, legalBasis: null, ...noDecision };
    return { working: true, kind: 'working_day', name: null, legalBasis: null, ...noDecision };
  }

  private periodSetFor(date: DayNumber): PeriodSet {
    for (const layer of this.layers) {
      for (const schedule of layer) if (schedule.from <= date) return schedule.set;
    }
    return this.fallback;
  }
}
