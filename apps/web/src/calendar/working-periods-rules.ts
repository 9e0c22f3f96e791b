/**
 * The server's rule for an agency's working periods (packages/core/src/calendar/working-periods.ts,
 * `parseWorkingPeriods`), checked in the browser before saving: 1 to 6 periods a day, each 'HH:MM' between 00:00
 * and 24:00, its end after its start, and none starting before the previous one ends (touching is allowed:
 * periods are half-open [start, end)). Rows are put in order of their start first, so only a real overlap fails.
 */
export interface PeriodRow {
  start: string;
  end: string;
}

export const MAX_PERIODS_PER_DAY = 6;

export type PeriodProblem =
  | { kind: 'format'; row: number; field: 'start' | 'end' }
  | { kind: 'inverted'; row: number }
  | { kind: 'overlap'; row: number; previous: number };

/** 'HH:MM' → minutes after midnight; 24:00 is the end of the day; anything else → null. */
export function clockMinutes(text: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/** The rows in order of their start time (rows whose start cannot be read keep their place at the end). */
export function sortedPeriods(rows: readonly PeriodRow[]): PeriodRow[] {
  const key = (r: PeriodRow) => clockMinutes(r.start) ?? Number.MAX_SAFE_INTEGER;
  return rows.map((r) => ({ start: r.start.trim(), end: r.end.trim() })).sort((a, b) => key(a) - key(b));
}

/**
 * Problems of the rows as entered (row numbers are indexes into `rows`). An overlap names the row that starts
 * too early and the one it overlaps, in time order.
 */
export function periodProblems(rows: readonly PeriodRow[]): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  const parsed: { row: number; start: number; end: number }[] = [];
  rows.forEach((r, row) => {
    const start = clockMinutes(r.start);
    const end = clockMinutes(r.end);
    if (start === null) problems.push({ kind: 'format', row, field: 'start' });
    if (end === null) problems.push({ kind: 'format', row, field: 'end' });
    if (start === null || end === null) return;
    if (end <= start) problems.push({ kind: 'inverted', row });
    else parsed.push({ row, start, end });
  });
  parsed.sort((a, b) => a.start - b.start);
  for (let i = 1; i < parsed.length; i++) {
    if (parsed[i]!.start < parsed[i - 1]!.end) problems.push({ kind: 'overlap', row: parsed[i]!.row, previous: parsed[i - 1]!.row });
  }
  return problems;
}

/** Working minutes a day of the valid rows (inverted or unreadable rows count nothing). */
export function dailyMinutes(rows: readonly PeriodRow[]): number {
  let total = 0;
  for (const r of rows) {
    const start = clockMinutes(r.start);
    const end = clockMinutes(r.end);
    if (start !== null && end !== null && end > start) total += end - start;
  }
  return total;
}
