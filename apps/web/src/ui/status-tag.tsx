import type { ReactNode } from 'react';

export type StatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** A status as a labelled tag: the text carries the meaning, the colour only repeats it. */
export function StatusTag({ tone = 'neutral', children }: { tone?: StatusTone; children: ReactNode }) {
  return <span className={`tag tag--${tone}`}>{children}</span>;
}
