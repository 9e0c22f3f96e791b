/**
 * The explanation of a due time, in Vietnamese, for receipts, the portal's estimate and the API: when the clock
 * started and why, what the limit means, which days were skipped and why (weekend, holiday name, compensatory
 * day, decision name), which weekend days counted as working days, and the due time.
 */
import type { DueTime, DueTimeInput, LegalClock } from './legal-clock';
import {
  DAY_MS,
  VIETNAM_OFFSET_MS,
  formatVietnameseDate,
  formatVietnameseInstant,
  isWeekend,
  localDayOf,
  type DayNumber,
} from './local-time';
import type { DayInfo, WorkCalendar } from './work-calendar';
import { describePeriods } from './working-periods';

/** Beyond this many days, plain weekends are counted instead of listed one by one. */
const LIST_WEEKENDS_UP_TO_DAYS = 62;

const kindLabels: Partial<Record<DayInfo['kind'], string>> = {
  holiday: 'ngày lễ',
  compensatory_day_off: 'ngày nghỉ bù',
  swapped_day_off: 'ngày nghỉ hoán đổi',
  extra_day_off: 'ngày nghỉ theo quyết định',
};

const number = (n: number) => String(Math.round(n * 1000) / 1000).replace('.', ',');

function sourceOf(day: DayInfo): string {
  const parts = [day.decisionName, day.legalBasis].filter((p): p is string => !!p);
  return parts.length ? ` — ${parts.join(', ')}` : '';
}

function skippedDayLine(day: DayInfo): string {
  const date = formatVietnameseDate(day.date);
  if (day.kind === 'weekend') return `Không tính ${date}: ngày nghỉ cuối tuần.`;
  const onWeekend = isWeekend(day.date) ? ', trùng ngày nghỉ cuối tuần' : '';
  return `Không tính ${date} (${kindLabels[day.kind] ?? 'ngày nghỉ'}${onWeekend}): ${day.name ?? ''}${sourceOf(day)}.`;
}

/** Lines for the days off (and working weekend days) in [from, to]. */
export function describeDays(calendar: WorkCalendar, from: DayNumber, to: DayNumber): string[] {
  const lines: string[] = [];
  const listWeekends = to - from <= LIST_WEEKENDS_UP_TO_DAYS;
  let weekendRun: DayNumber[] = [];
  let weekendCount = 0;
  const flush = () => {
    if (weekendRun.length === 0) return;
    lines.push(`Không tính ${weekendRun.map(formatVietnameseDate).join(' và ')}: ngày nghỉ cuối tuần.`);
    weekendRun = [];
  };
  for (let date = from; date <= to; date++) {
    const day = calendar.day(date);
    if (day.kind === 'weekend') {
      weekendCount++;
      if (listWeekends) weekendRun.push(date);
      continue;
    }
    flush();
    if (!day.working) lines.push(skippedDayLine(day));
    else if (isWeekend(date)) {
      lines.push(`Tính ${formatVietnameseDate(date)} là ngày làm việc: ${day.name ?? 'ngày làm bù'}${sourceOf(day)}.`);
    }
  }
  flush();
  if (!listWeekends && weekendCount > 0) lines.push(`Không tính ${weekendCount} ngày nghỉ cuối tuần (thứ Bảy, Chủ nhật).`);
  return lines;
}

function whyOutsideHours(calendar: WorkCalendar, receivedMs: number): string {
  const date = localDayOf(receivedMs);
  const day = calendar.day(date);
  if (!day.working) return day.kind === 'weekend' ? 'ngày nghỉ cuối tuần' : (kindLabels[day.kind] ?? 'ngày nghỉ');
  const timeOfDay = receivedMs + VIETNAM_OFFSET_MS - date * DAY_MS;
  const first = calendar.startOfWorkingDayMs(date) + VIETNAM_OFFSET_MS - date * DAY_MS;
  const last = calendar.endOfWorkingDayMs(date) + VIETNAM_OFFSET_MS - date * DAY_MS;
  if (timeOfDay < first) return 'trước giờ làm việc';
  if (timeOfDay >= last) return 'sau giờ làm việc';
  return 'giờ nghỉ giữa hai buổi làm việc';
}

function limitLine(clock: LegalClock, input: DueTimeInput, due: DueTime): string {
  const limit = input.limit;
  const periods = describePeriods(clock.calendar.day(localDayOf(due.clockStartsAt.getTime())).periods);
  switch (limit.unit) {
    case 'working-days': {
      const hours = clock.workingMsOf(limit.amount, 'working-days', due.clockStartsAt.getTime()) / 3_600_000;
      return (
        `Thời hạn giải quyết: ${number(limit.amount)} ngày làm việc, tức ${number(hours)} giờ làm việc, ` +
        `chỉ tính trong giờ làm việc (${periods}).`
      );
    }
    case 'working-hours':
      return `Thời hạn giải quyết: ${number(limit.amount)} giờ làm việc, chỉ tính trong giờ làm việc (${periods}).`;
    case 'calendar-days':
      return (
        `Thời hạn giải quyết: ${number(Math.ceil(limit.amount))} ngày (tính cả ngày nghỉ), hết hạn vào cuối giờ làm việc ` +
        `của ngày thứ ${number(Math.ceil(limit.amount))} sau ngày tiếp nhận, hoặc của ngày làm việc kế tiếp nếu ngày đó là ngày nghỉ.`
      );
    case 'same-day':
      return (
        `Tiếp nhận trước ${limit.cutoff} thì trả kết quả trong ngày làm việc; sau ${limit.cutoff} thì trả vào ngày làm việc ` +
        'tiếp theo.'
      );
  }
}

export function explainDueTime(clock: LegalClock, input: DueTimeInput, due: DueTime): string[] {
  const calendar = clock.calendar;
  const received = due.receivedAt.getTime();
  const start = due.clockStartsAt.getTime();
  const end = due.dueAt.getTime();
  const lines = [`Tiếp nhận lúc ${formatVietnameseInstant(received)}.`];
  if (input.limit.unit !== 'calendar-days') {
    lines.push(
      start === received
        ? 'Thời hạn bắt đầu tính ngay từ lúc tiếp nhận (trong giờ làm việc).'
        : `Tiếp nhận ngoài giờ làm việc (${whyOutsideHours(calendar, received)}): thời hạn bắt đầu tính từ ` +
            `${formatVietnameseInstant(start)}.`,
    );
  }
  lines.push(limitLine(clock, input, due));
  for (const pause of input.pauses ?? []) {
    if (pause.to === null || pause.from.getTime() >= end) continue;
    lines.push(
      `Tạm dừng tính thời hạn từ ${formatVietnameseInstant(pause.from.getTime())} đến ` +
        `${formatVietnameseInstant(pause.to.getTime())}: thời gian này không được tính.`,
    );
  }
  const dueDay = localDayOf(end);
  if (input.limit.unit === 'calendar-days') {
    const target = localDayOf(received) + Math.ceil(input.limit.amount);
    lines.push(`Ngày thứ ${Math.ceil(input.limit.amount)} sau ngày tiếp nhận: ${formatVietnameseDate(target)}.`);
    if (dueDay > target) lines.push(...describeDays(calendar, target, dueDay - 1));
  } else {
    lines.push(...describeDays(calendar, localDayOf(received), dueDay));
  }
  lines.push(`Hạn giải quyết, trả kết quả: ${formatVietnameseInstant(end)}.`);
  return lines;
}
