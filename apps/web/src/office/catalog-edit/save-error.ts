import { isApiError } from '../../api';

/** The server's title with the first field issues (path: message), as the draft page shows them. */
export function saveErrorText(error: unknown, title: string): string {
  const issues = isApiError(error) && Array.isArray(error.details.issues) ? (error.details.issues as { path: string; message: string }[]) : [];
  const fields = isApiError(error) ? Object.entries(error.fieldErrors).map(([k, v]) => `${k}: ${v}`) : [];
  return [title, ...issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`), ...fields.slice(0, 5)].join(' — ');
}
