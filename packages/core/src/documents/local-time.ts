/**
 * Dates and times as Vietnamese administrative documents print them, in Việt Nam local time (UTC+7, no daylight
 * saving): "Huế, ngày 05 tháng 3 năm 2026", "09 giờ 30 phút, ngày 05/03/2026".
 */
const OFFSET_MS = 7 * 3600 * 1000;

function parts(instant: Date): { y: string; m: string; d: string; hh: string; mm: string } {
  const s = new Date(instant.getTime() + OFFSET_MS).toISOString();
  return { y: s.slice(0, 4), m: s.slice(5, 7), d: s.slice(8, 10), hh: s.slice(11, 13), mm: s.slice(14, 16) };
}

export function toInstant(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value !== 'string' || value === '') return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * "Huế, ngày 05 tháng 3 năm 2026": NĐ 30/2020 Appendix I writes a leading zero for days below 10 and for months
 * 1 and 2 only.
 */
export function placeAndDate(place: string, instant: Date): string {
  const p = parts(instant);
  const month = Number(p.m) <= 2 ? p.m : String(Number(p.m));
  return `${place}, ngày ${p.d} tháng ${month} năm ${p.y}`;
}

/** "09 giờ 30 phút, ngày 05/03/2026"; '……' when unknown. */
export function timeAndDate(value: unknown): string {
  const instant = toInstant(value);
  if (!instant) return '…… giờ …… phút, ngày ……/……/……';
  const p = parts(instant);
  return `${p.hh} giờ ${p.mm} phút, ngày ${p.d}/${p.m}/${p.y}`;
}

/** "05/03/2026" from an instant or a local 'YYYY-MM-DD' date. */
export function dateOnly(value: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return `${value.slice(8, 10)}/${value.slice(5, 7)}/${value.slice(0, 4)}`;
  }
  const instant = toInstant(value);
  if (!instant) return '……/……/……';
  const p = parts(instant);
  return `${p.d}/${p.m}/${p.y}`;
}

export function localYear(instant: Date): number {
  return Number(parts(instant).y);
}
