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
  readonly content: ProcedureContent;
  /** The parts of the content the file carries; the rest is kept from the latest version. */
  readonly carried: readonly (keyof ProcedureContent)[];
}

export async function importProcedure(
  deps: CatalogDeps,
  input: ImportedProcedure & { effectiveFrom?: string },
): Promise<Result<PublishOutcome, CatalogError>> {
  const latest = await deps.store.findLatestVersion(input.code);
  const content = mergeImported(latest?.content ?? null, input.content, input.carried);
  return publishContent(deps, {
    code: input.code,
    content,
    ...(input.effectiveFrom ? { effectiveFrom: input.effectiveFrom } : {}),
    changeNote: 'import',
    action: 'catalog.procedure.import',
  });
}
