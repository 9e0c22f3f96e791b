/**
 * Small accessible charts in plain SVG (no chart library): each is a <figure> whose picture is decorative to
 * screen readers (aria-hidden) and whose numbers are in the table right beside it — the text alternative.
 */
import type { ReactNode } from 'react';

export interface Bar {
  label: string;
  value: number;
  /** Shown at the end of the bar (e.g. "92 %"); defaults to the value. */
  text?: string;
  tone?: 'primary' | 'danger' | 'success' | 'muted';
}

const tones = { primary: 'var(--color-brand)', danger: '#b3261e', success: '#1b6e3c', muted: '#4a5562' };

/** Horizontal bars, one per row, scaled to `max` (default: the largest value). */
export function BarChart({ title, bars, max, table }: { title: string; bars: readonly Bar[]; max?: number; table: ReactNode }) {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value), 1);
  const rowH = 26;
  const labelW = 150;
  const width = 520;
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      <svg className="chart__svg" viewBox={`0 0 ${width} ${bars.length * rowH + 4}`} role="presentation" aria-hidden="true" focusable="false">
        {bars.map((b, i) => {
          const w = Math.max(0, ((width - labelW - 60) * b.value) / top);
          return (
            <g key={`${b.label}-${i}`} transform={`translate(0 ${i * rowH + 2})`}>
              <text x={labelW - 6} y={rowH / 2 + 4} textAnchor="end" fontSize="12" fill="#1f2933">
                {b.label.length > 20 ? `${b.label.slice(0, 19)}…` : b.label}
              </text>
              <rect x={labelW} y={4} width={w} height={rowH - 8} fill={tones[b.tone ?? 'primary']} rx="2" />
              <text x={labelW + w + 6} y={rowH / 2 + 4} fontSize="12" fill="#1f2933">
                {b.text ?? String(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
      {table}
    </figure>
  );
}

/** Two series per period (received, resolved) as grouped columns. */
export function ColumnChart({ title, points, legend, table }: { title: string; points: readonly { label: string; a: number; b: number }[]; legend: [string, string]; table: ReactNode }) {
  const top = Math.max(1, ...points.flatMap((p) => [p.a, p.b]));
  const h = 160;
  const slot = 34;
  const width = Math.max(320, points.length * slot + 40);
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      <svg className="chart__svg" viewBox={`0 0 ${width} ${h + 40}`} role="presentation" aria-hidden="true" focusable="false">
        <line x1="30" y1={h} x2={width} y2={h} stroke="#5f6b7a" />
        {points.map((p, i) => {
          const x = 36 + i * slot;
          const ha = (h - 10) * (p.a / top);
          const hb = (h - 10) * (p.b / top);
          return (
            <g key={p.label}>
              <rect x={x} y={h - ha} width="12" height={ha} fill={tones.primary} />
              <rect x={x + 13} y={h - hb} width="12" height={hb} fill={tones.success} />
              <text x={x + 12} y={h + 14} fontSize="10" textAnchor="middle" fill="#1f2933">
                {p.label}
              </text>
            </g>
          );
        })}
        <g transform={`translate(36 ${h + 28})`}>
          <rect width="10" height="10" fill={tones.primary} />
          <text x="14" y="9" fontSize="11" fill="#1f2933">
            {legend[0]}
          </text>
          <rect x="120" width="10" height="10" fill={tones.success} />
          <text x="134" y="9" fontSize="11" fill="#1f2933">
            {legend[1]}
          </text>
        </g>
      </svg>
      {table}
    </figure>
  );
}

export const percent = (v: number | null, language: string) =>
  v === null ? '—' : new Intl.NumberFormat(language === 'en' ? 'en' : 'vi', { style: 'percent', maximumFractionDigits: 1 }).format(v);

export const number = (v: number | null, language: string, digits = 0) =>
  v === null ? '—' : new Intl.NumberFormat(language === 'en' ? 'en' : 'vi', { maximumFractionDigits: digits }).format(v);
