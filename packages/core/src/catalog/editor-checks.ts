/**
 * Rules of the office editor beyond the content's own validity: which links a procedure may carry (a form template
 * is a web address or one of our uploaded templates), and which agencies an administrator may newly name as the
 * competent agency or a receiving desk (only agencies in their scope; what the draft already names stays as it is).
 */
import type { ContentIssue } from './catalog.errors';
import type { AgencyRef, ProcedureCase, ProcedureContent } from './procedure';

/** Where an uploaded form template is downloaded; a procedure's content refers to it by this path. */
export const formTemplatePath = (id: string) => `/api/v1/form-templates/${id}`;
export const FORM_TEMPLATE_PATH_PATTERN = /^\/api\/v1\/form-templates\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The uploaded template's id a link names, or null for any other link. */
export function formTemplateIdOf(url: string | null): string | null {
  return url ? (FORM_TEMPLATE_PATH_PATTERN.exec(url)?.[1] ?? null) : null;
}

/** A link a citizen may follow: http(s), or one of our uploaded templates. Never javascript:, data: or the like. */
export function isSafeLink(url: string): boolean {
  return FORM_TEMPLATE_PATH_PATTERN.test(url) || WEB_ADDRESS.test(url);
}
/** http(s)://host… without spaces or control characters (pure core has no URL parser). */
const WEB_ADDRESS = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;

/** Every uploaded template a case's documents refer to, with where (for the problem's field). */
export function referencedFormTemplates(c: Pick<ProcedureCase, 'documents'>, path = 'case'): { path: string; id: string }[] {
  return c.documents.flatMap((d, i) =>
    d.formTemplates.flatMap((t, j) => {
      const id = formTemplateIdOf(t.url);
      return id ? [{ path: `${path}.documents[${i}].formTemplates[${j}].url`, id }] : [];
    }),
  );
}

const sameRef = (a: AgencyRef, b: AgencyRef) => a.kind === 'agency' && b.kind === 'agency' && a.agencyId === b.agencyId;

/**
 * The competent agency and receiving desks of `next` that name a specific agency outside `visibleAgencyIds` and
 * were not already named by `before` (an administrator keeps what they cannot see, but cannot add it).
 */
export function agencyScopeIssues(
  before: Pick<ProcedureContent, 'competentAgency' | 'receivingDesks'>,
  next: Pick<ProcedureContent, 'competentAgency' | 'receivingDesks'>,
  visibleAgencyIds: readonly string[],
): ContentIssue[] {
  const known = [before.competentAgency, ...before.receivingDesks];
  const check = (ref: AgencyRef, path: string): ContentIssue[] =>
    ref.kind === 'agency' && !visibleAgencyIds.includes(ref.agencyId) && !known.some((k) => sameRef(k, ref))
      ? [{ path, code: 'INVALID', reason: 'agencyOutOfScope', message: `agency ${ref.agencyId} is outside the agencies you administer` }]
      : [];
  const issues = [
    ...check(next.competentAgency, 'general.competentAgency'),
    ...next.receivingDesks.flatMap((d, i) => check(d, `general.receivingDesks[${i}]`)),
  ];
  const seen = new Set<string>();
  next.receivingDesks.forEach((d, i) => {
    const key = d.kind === 'agency' ? d.agencyId : d.kind === 'rule' ? `${d.rule}:${d.agencyKind}:${d.agencyLevel}` : `external:${d.name}`;
    if (seen.has(key)) issues.push({ path: `general.receivingDesks[${i}]`, code: 'INVALID', reason: 'deskTwice', message: `the desk "${d.name}" is listed twice`, params: { name: d.name } });
    seen.add(key);
  });
  return issues;
}
