/**
 * Importing one procedure from a file (national JSON or our Excel template): the file's content over the latest
 * version, then the ordinary publication rules. Unchanged content changes nothing; changed content is a new
 * version; content that breaks a rule is rejected with the reasons, leaving the procedure as it was.
 */
import type { Result } from '../shared/index';
import type { CatalogError } from './catalog.errors';
import type { CatalogDeps } from './catalog.ports';
import { mergeImported } from './draft-edits';
import type { ProcedureContent } from './procedure';
import { publishContent, type PublishOutcome } from './publish-procedure';

export interface ImportedProcedure {
  readonly code: string;
  /** The content as read, used as is for a procedure never published. */
  readonly content: ProcedureContent;
  /** The parts of the content the file carries; the rest is kept from the latest version. */
  readonly carried: readonly (keyof ProcedureContent)[];
  /** A finer merge onto the latest version than `carried` (the national format keeps local details per item). */
  readonly mergeOnto?: (latest: ProcedureContent) => ProcedureContent;
}

export async function importProcedure(
  deps: CatalogDeps,
  input: ImportedProcedure & { effectiveFrom?: string },
): Promise<Result<PublishOutcome, CatalogError>> {
  const latest = await deps.store.findLatestVersion(input.code);
  const content = !latest
    ? input.content
    : input.mergeOnto
      ? input.mergeOnto(latest.content)
      : mergeImported(latest.content, input.content, input.carried);
  return publishContent(deps, {
    code: input.code,
    content,
    ...(input.effectiveFrom ? { effectiveFrom: input.effectiveFrom } : {}),
    changeNote: 'import',
    action: 'catalog.procedure.import',
  });
}
