/**
 * Due-time computations per second on random inputs across 2026–2030 (one core, this process).
 *
 *   npx tsx bench/calendar-due-time.ts [--seconds 3]
 *
 * Measures the legal clock's fast path (LegalClock.dueTimeMs: per-year prefix-sum tables + binary search) for each
 * unit, the Date/Result API (LegalClock.dueTime) for working days, and, as the baseline in the same run, a plain
 * day-by-day implementation of the same rules over the same calendar's day statuses. Target: ≥ 1,000,000/s for
 * working-day units. Inputs are generated before timing from a fixed-seed generator.
 */
import { LegalClock, WorkCalendar, nationalDecisions2026, localDayOf, type TimeUnit } from '@motcua/core/calendar';

const secondsArg = process.argv.indexOf('--seconds');
const SECONDS = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 2;
const N = 1 << 16;

// Mulberry32: a small fixed-seed generator so every run times the same inputs.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const clock = new LegalClock(WorkCalendar.of({ decisions: nationalDecisions2026 }));
const FROM = Date.UTC(2026, 0, 1) - 7 * 3_600_000;
const TO = Date.UTC(2031, 0, 1) - 7 * 3_600_000;
const rnd = random(20261128);
const received = new Float64Array(N);
const amounts = new Float64Array(N);
for (let i = 0; i < N; i++) {
  received[i] = FROM + Math.floor(rnd() * (TO - FROM));
  amounts[i] = 1 + Math.floor(rnd() * 30);
}
// Warm the year tables (2026–2035) so that the timing measures lookups, not table construction.
for (let i = 0; i < N; i++) clock.dueTimeMs(received[i]!, amounts[i]!, 'working-days');

function time(label: string, fn: (i: number) => number): number {
  // Untimed warm-up so that every line is measured on optimised code.
  for (let round = 0; round < 8; round++) for (let i = 0; i < N; i++) fn(i);
  let sink = 0;
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < SECONDS * 1000) {
    for (let i = 0; i < N; i++) sink += fn(i);
    calls += N;
    elapsed = performance.now() - start;
  }
  const perSecond = calls / (elapsed / 1000);
  console.log(`${label.padEnd(58)} ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} /s   (${sink > 0 ? 'ok' : '?'})`);
  return perSecond;
}

/** Baseline: the same rules, day by day (walks each day, consuming its working time). */
function dayByDay(receivedAt: number, amount: number): number {
  const cal = clock.calendar;
  const start = cal.clockStartMs(receivedAt);
  let day = localDayOf(start);
  let remaining = amount * cal.dayWorkingMs(day);
  const usedToday = cal.workingMsBetween(cal.startOfWorkingDayMs(day), start);
  remaining += usedToday;
  for (;;) {
    const today = cal.dayWorkingMs(day);
    if (remaining <= today) return cal.addWorkingMs(cal.startOfWorkingDayMs(day) - 1, remaining);
    remaining -= today;
    day++;
  }
}

console.log(`Legal clock, random receptions 2026–2030, amounts 1–30, ${SECONDS} s per line, Node ${process.version}`);
const units: TimeUnit[] = ['working-days', 'working-hours', 'calendar-days'];
const results: Record<string, number> = {};
for (const unit of units) results[unit] = time(`dueTimeMs (${unit})`, (i) => clock.dueTimeMs(received[i]!, amounts[i]!, unit));
results.api = time('dueTime (Date + Result API, working-days)', (i) => {
  const r = clock.dueTime({ receivedAt: new Date(received[i]!), limit: { amount: amounts[i]!, unit: 'working-days' } });
  return r.ok ? r.value.dueAt.getTime() : 0;
});
results.baseline = time('baseline: day-by-day loop (working-days)', (i) => dayByDay(received[i]!, amounts[i]!));
for (let i = 0; i < 1000; i++) {
  if (dayByDay(received[i]!, amounts[i]!) !== clock.dueTimeMs(received[i]!, amounts[i]!, 'working-days')) {
    throw new Error(`baseline disagrees on input ${i}`);
  }
}
console.log(`fast path / baseline (working-days): ${(results['working-days']! / results.baseline).toFixed(1)}×`);
console.log(`target ≥ 1,000,000/s for working-day units: ${results['working-days']! >= 1_000_000 ? 'met' : 'NOT met'}`);
