/** The draft's content as the page edits it, and the request bodies it sends back (the contracts' input shapes). */
import type { draftResponse } from '@motcua/contracts/catalog-admin';
import type { Infer } from '../../api';

export type Draft = Infer<typeof draftResponse>;
export type Content = Draft['content'];
export type ProcedureCase = Content['cases'][number];
export type General = Omit<Content, 'cases'>;
export type CaseBody = Omit<ProcedureCase, 'id' | 'workflows'>;

/** The general information of a draft, without its cases: what PUT /admin/procedure-drafts/{id} takes. */
export function generalOf(content: Content): General {
  const { cases: _cases, ...general } = content;
  return general;
}

/** A case without its id and workflows: what PUT …/cases/{caseId} takes. */
export function caseBodyOf(item: ProcedureCase): CaseBody {
  const { id: _id, workflows: _workflows, ...body } = item;
  return body;
}

/** Blank optional text goes back as null (the input schemas refuse blank required text, keep blank optional null). */
export const orNull = (value: string | null | undefined): string | null => (value && value.trim() ? value.trim() : null);

/** One item per line, blank lines dropped. */
export const lines = (value: string): string[] =>
  value
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** "1.5" or "1,5" → 1.5; blank or not a number → null. */
export function numberOf(value: string): number | null {
  const n = Number(value.replace(',', '.').trim());
  return value.trim() === '' || Number.isNaN(n) ? null : n;
}

/** A chosen file as base64, for the JSON upload bodies (catalogue import, form templates). */
export async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
