import { isApiError } from '../../api';

/** The server's title with the first field issues (path: message), as the draft page shows them. */
export function saveErrorText(error: unknown, title: string): string {
  const issues = isApiError(error) && Array.isArray(error.details.issues) ? (error.details.issues as { path: string; message: string }[]) : [];
  const fields = isApiError(error) ? Object.entries(error.fieldErrors).map(([k, v]) => `${k}: ${v}`) : [];
  return [title, ...issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`), ...fields.slice(0, 5)].join(' — ');
}

/**
 * 'general.receivingDesks[1].agencyId', 'case.fees.0.exemptions.0', 'cases[mac-dinh].documents[0].formTemplates[0].url'
 * → 'receivingDesks.1.agencyId', 'fees.0.exemptions.0', 'documents.0.formTemplates.0.url': one spelling for the
 * request validator's field errors and the content issues, relative to the form that sent them.
 */
export function issueKey(path: string): string {
  return path
    .replace(/^(general|case)\./, '')
    .replace(/^cases\[[^\]]*\]\./, '')
    .replace(/\[(\d+)\]/g, '.$1');
}

/** The first message the failed save gave for `key` or anything under it, or null. */
export function fieldErrorOf(error: unknown, key: string): string | null {
  if (!isApiError(error)) return null;
  const under = (path: string) => {
    const k = issueKey(path);
    return k === key || k.startsWith(`${key}.`);
  };
  const issues = Array.isArray(error.details.issues) ? (error.details.issues as { path: string; message: string }[]) : [];
  const found = Object.entries(error.fieldErrors).find(([k]) => under(k))?.[1] ?? issues.find((i) => under(i.path))?.message;
  return found ?? null;
}
