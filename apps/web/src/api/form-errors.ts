/**
 * A form's errors in one value: per-field messages (shown under each field) and the summary list (shown above
 * the form, linking to the fields). Built from the page's own checks or from a failed API call.
 */
import type { FormErrorItem } from '../ui';
import { isApiError } from './errors';

export interface FormErrors {
  fields: Readonly<Record<string, string>>;
  summary: readonly FormErrorItem[];
}

export const noFormErrors: FormErrors = { fields: {}, summary: [] };

/**
 * The page's own checks: `[name, fieldId, message or null]` for each field in page order; null means valid.
 * Returns null when every field is valid.
 */
export function checkFields(checks: readonly (readonly [string, string, string | null | false | undefined])[]): FormErrors | null {
  const fields: Record<string, string> = {};
  const summary: FormErrorItem[] = [];
  for (const [name, fieldId, message] of checks) {
    if (!message) continue;
    fields[name] = message;
    summary.push({ fieldId, message });
  }
  return summary.length > 0 ? { fields, summary } : null;
}

/**
 * A failed call as form errors: the server's field errors go under the fields they name (by request field →
 * control id); a domain problem that names one field in its details (`details.field`, e.g. AGENCY_CODE_TAKEN on
 * `code`) puts its title under that field and links it from the summary; otherwise the problem's title leads the
 * summary; `extra` adds a sentence (e.g.
 * when to retry).
 */
export function formErrorsFrom(
  error: unknown,
  fieldIds: Readonly<Record<string, string>>,
  errorText: (error: unknown) => string,
  extra?: string,
): FormErrors {
  const fields: Record<string, string> = {};
  const summary: FormErrorItem[] = [{ message: extra ? `${errorText(error)} ${extra}` : errorText(error) }];
  if (isApiError(error)) {
    for (const [name, message] of Object.entries(error.fieldErrors)) {
      const fieldId = fieldIds[name];
      if (!fieldId) continue;
      fields[name] = message;
      summary.push({ fieldId, message });
    }
    const named = error.details.field;
    if (summary.length === 1 && typeof named === 'string' && fieldIds[named]) {
      fields[named] = errorText(error);
      summary[0] = { fieldId: fieldIds[named], message: errorText(error) };
    }
  }
  return { fields, summary };
}
