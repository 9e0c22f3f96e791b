/**
 * What changed between two versions of a procedure, as a flat list of changes with readable paths:
 * `cases[khai-sinh].processingTimes[0].amount`, `cases[khai-sinh].fees["Lệ phí đăng ký"].amountVnd`.
 * Lists of things with an `id` (cases, workflows, steps) are matched by id, lists of named things (documents, fees,
 * legal basis) by name when names are unique, anything else by position.
 */
import { canonicalJson, canonicalize } from './canonical';

export interface ContentChange {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function keyOf(list: Json[], field: 'id' | 'name' | 'number'): string[] | null {
  const keys: string[] = [];
  for (const item of list) {
    if (!isObject(item) || typeof item[field] !== 'string') return null;
    keys.push(item[field] as string);
  }
  return new Set(keys).size === keys.length ? keys : null;
}

function arrayKeys(before: Json[], after: Json[]): { before: string[]; after: string[]; quoted: boolean } | null {
  for (const field of ['id', 'name', 'number'] as const) {
    const b = keyOf(before, field);
    const a = keyOf(after, field);
    if (b && a && (before.length > 0 || after.length > 0)) return { before: b, after: a, quoted: field !== 'id' };
  }
  return null;
}

function walk(path: string, before: Json | undefined, after: Json | undefined, out: ContentChange[]): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    out.push({ path, kind: 'added', after });
    return;
  }
  if (after === undefined) {
    out.push({ path, kind: 'removed', before });
    return;
  }
  if (canonicalJson(before) === canonicalJson(after)) return;
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const k of keys) walk(path ? `${path}.${k}` : k, before[k], after[k], out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const keyed = arrayKeys(before, after);
    if (keyed) {
      const label = (k: string) => (keyed.quoted ? `${path}[${JSON.stringify(k)}]` : `${path}[${k}]`);
      const beforeByKey = new Map(keyed.before.map((k, i) => [k, before[i]]));
      const afterByKey = new Map(keyed.after.map((k, i) => [k, after[i]]));
      for (const k of keyed.before) walk(label(k), beforeByKey.get(k), afterByKey.get(k), out);
      for (const k of keyed.after) if (!beforeByKey.has(k)) walk(label(k), undefined, afterByKey.get(k), out);
      const common = keyed.after.filter((k) => beforeByKey.has(k));
      const commonBefore = keyed.before.filter((k) => afterByKey.has(k));
      if (common.join('\u0000') !== commonBefore.join('\u0000')) {
        out.push({ path: `${path}#order`, kind: 'changed', before: commonBefore, after: common });
      }
      return;
    }
    if (before.every((v) => !isObject(v) && !Array.isArray(v)) && after.every((v) => !isObject(v) && !Array.isArray(v))) {
      out.push({ path, kind: 'changed', before, after });
      return;
    }
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) walk(`${path}[${i}]`, before[i], after[i], out);
    return;
  }
  out.push({ path, kind: 'changed', before, after });
}

export function diffContent(before: unknown, after: unknown): ContentChange[] {
  const out: ContentChange[] = [];
  walk('', canonicalize(before) as Json, canonicalize(after) as Json, out);
  return out;
}

/** The top-level parts that changed (`cases[khai-sinh]`, `legalBasis`, `name`), for audit summaries. */
export function changedSections(changes: readonly ContentChange[]): string[] {
  const sections = new Set<string>();
  for (const c of changes) {
    const match = /^[^.[#]+(\[[^\]]+\])?/.exec(c.path);
    sections.add(match ? match[0] : c.path);
  }
  return [...sections];
}
