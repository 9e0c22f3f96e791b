/** Issued documents (forms, results) of a dossier: the list and the download. */
import { z } from 'zod';

const uuid = z.uuid();

export const issuedDocumentKindSchema = z.enum([
  'receipt',
  'supplement_request',
  'refusal',
  'apology_extension',
  'stop_notice',
  'control_sheet',
  'ledger',
  'result',
]);

export const issuedDocumentSchema = z.object({
  id: uuid,
  kind: issuedDocumentKindSchema,
  /** 'tt03-2025' or 'tt01-2018' for forms; null for results. */
  formSet: z.string().nullable(),
  formNumber: z.string().nullable(),
  title: z.string(),
  /** The number and symbol printed after "Số:". */
  documentNumber: z.string().nullable(),
  eventId: uuid.nullable(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  mediaType: z.string(),
  origin: z.enum(['rendered', 'uploaded']),
  approvedAt: z.string().nullable(),
  replacedBy: uuid.nullable(),
  createdAt: z.string(),
  /** Relative URL of the file (GET, same session). */
  contentUrl: z.string(),
});

export const documentListResponse = z.object({ items: z.array(issuedDocumentSchema) });
export const documentParams = z.strictObject({ id: uuid, documentId: uuid });
