import { isApiError } from '../../api';

/** A content issue as the server's problem carries it (`details.issues`); `reason` and `params` name the rule. */
export interface IssueView {
  readonly path: string;
  readonly message: string;
  readonly reason?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}
/** Says an issue in the page's language (issue-text.ts); without it, the server's English message. */
export type DescribeIssue = (issue: IssueView) => string;
const asSent: DescribeIssue = (issue) => issue.message;

export function issuesOf(error: unknown): IssueView[] {
  return isApiError(error) && Array.isArray(error.details.issues) ? (error.details.issues as IssueView[]) : [];
}

/** The server's title with the first field issues (path: message), as the draft page shows them. */
export function saveErrorText(error: unknown, title: string, describe: DescribeIssue = asSent): string {
  const issues = issuesOf(error);
  const fields = isApiError(error) ? Object.entries(error.fieldErrors).map(([k, v]) => `${k}: ${v}`) : [];
  return [title, ...issues.slice(0, 5).map((i) => `${i.path}: ${describe(i)}`), ...fields.slice(0, 5)].join(' — ');
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
export function fieldErrorOf(error: unknown, key: string, describe: DescribeIssue = asSent): string | null {
  if (!isApiError(error)) return null;
  const under = (path: string) => {
    const k = issueKey(path);
    return k === key || k.startsWith(`${key}.`);
  };
  const field = Object.entries(error.fieldErrors).find(([k]) => under(k))?.[1];
  if (field) return field;
  const issue = issuesOf(error).find((i) => under(i.path));
  return issue ? describe(issue) : null;
}
