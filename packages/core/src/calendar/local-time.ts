/**
 * Vietnam local time without the process time zone: Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since
 * 1975), so an instant is epoch milliseconds and its local date is plain arithmetic. Nothing here calls a local
 * Date getter; results are the same under TZ=UTC, TZ=America/New_York or any other.
 *
 * A `DayNumber` is the number of days since 1970-01-01 of a Vietnamese calendar date (negative before 1970).
 */

export type DayNumber = number;

export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** The years the calendar covers (lunar tables and statutory rules are checked over this range). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilFromDay(dayNumber: DayNumber): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: DayNumber): boolean {
  const w = weekdayOf(dayNumber);
  return w === 0 || w === 6;
}

/** The Vietnamese local date of an instant. */
export function localDayOf(epochMs: number): DayNumber {
  return Math.floor((epochMs + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** The instant of local midnight starting the given date. */
export function startOfDayMs(dayNumber: DayNumber): number {
  return dayNumber * DAY_MS - VIETNAM_OFFSET_MS;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'YYYY-MM-DD' */
export function formatDate(dayNumber: DayNumber): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Parses a strict 'YYYY-MM-DD' calendar date; null when malformed or not a real date (2026-02-30). */
export function parseDate(text: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayFromCivil(year, month, day);
}

/** 'YYYY-MM-DDTHH:MM:SS+07:00', to the second (fractions of a second are dropped). */
export function formatInstant(epochMs: number): string {
  const local = epochMs + VIETNAM_OFFSET_MS;
  const dayNumber = Math.floor(local / DAY_MS);
  const seconds = Math.floor((local - dayNumber * DAY_MS) / 1000);
  return (
    `${formatDate(dayNumber)}T${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:` +
    `${pad(seconds % 60)}+07:00`
  );
}

const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+\- ])(\d{2})(?::?(\d{2}))?)?$/;

/**
 * Parses an ISO 8601 / RFC 3339 date-time: `2026-04-25T20:00:00+07:00`, `…Z`, `…+0700`, `…+07`, with optional seconds and
 * fraction. Without an offset the time is Vietnam local time. A space in place of `+` before the offset is read as
 * `+` (an unencoded `+` in a query string arrives as a space). Null when malformed or not a real date and time.
 */
export function parseInstant(text: string): number | null {
  const m = INSTANT_PATTERN.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMs = VIETNAM_OFFSET_MS;
  if (zulu) offsetMs = 0;
  else if (sign) {
    const offsetHours = Number(oh);
    const offsetMinutes = om === undefined ? 0 : Number(om);
    if (offsetHours > 23 || offsetMinutes > 59) return null;
    offsetMs = (sign === '-' ? -1 : 1) * (offsetHours * 3_600_000 + offsetMinutes * MINUTE_MS);
  }
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  return (
    dayFromCivil(year, month, day) * DAY_MS + hour * 3_600_000 + minute * MINUTE_MS + second * 1000 + millis - offsetMs
  );
}

/** 'HH:MM' → minutes after midnight (00:00 … 24:00); null when malformed. */
export function parseClockTime(text: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/** Minutes after midnight → 'HH:MM'. */
export function formatClockTime(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export const vietnameseWeekdays = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'] as const;

/** 'thứ Hai, 27/04/2026' */
export function formatVietnameseDate(dayNumber: DayNumber): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${vietnameseWeekdays[weekdayOf(dayNumber)]}, ${pad(day)}/${pad(month)}/${year}`;
}

/** '17:00 thứ Ba, 28/04/2026' (seconds shown only when not zero). */
export function formatVietnameseInstant(epochMs: number): string {
  const local = epochMs + VIETNAM_OFFSET_MS;
  const dayNumber = Math.floor(local / DAY_MS);
  const seconds = Math.floor((local - dayNumber * DAY_MS) / 1000);
  const clock = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}`;
  return `${seconds % 60 === 0 ? clock : `${clock}:${pad(seconds % 60)}`} ${formatVietnameseDate(dayNumber)}`;
}
