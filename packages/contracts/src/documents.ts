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
  /** Relative URL of the digitally signed file once the job runner signed it; null before (answered by the list). */
  signedUrl: z.string().nullable().optional(),
});

/**
 * A form the dossier engine issued whose PDF the job runner has not stored yet: waiting (`queued`), being rendered,
 * `retrying` after a failed attempt, or `failed` for good (the job gave up; the form exists only as the event's data).
 */
export const pendingFormSchema = z.object({
  eventId: uuid,
  kind: issuedDocumentKindSchema,
  state: z.enum(['queued', 'rendering', 'retrying', 'failed']),
  attempts: z.number().int(),
});

export const documentListResponse = z.object({
  items: z.array(issuedDocumentSchema),
  /** Forms issued but not rendered yet, oldest first (answered by the list; empty once every PDF is stored). */
  pendingForms: z.array(pendingFormSchema).optional(),
});
export const documentParams = z.strictObject({ id: uuid, documentId: uuid });

const text = (max: number) => z.string().trim().min(1).max(max);

/** A result drafted from a template (rendered) or from a PDF already uploaded as a result attachment. */
export const resultDraftBody = z.union([
  z.strictObject({
    template: z.enum(['result_letter', 'birth_extract']),
    resultText: text(4000).optional(),
    fields: z.record(z.string().max(60), z.string().max(500)).optional(),
    signerTitle: text(100).optional(),
    signerName: text(200).optional(),
    replaces: uuid.optional(),
  }),
  z.strictObject({
    /** The SHA-256 (content key) of a PDF uploaded to this dossier as a result attachment. */
    contentKey: z.string().regex(/^[0-9a-f]{64}$/),
    title: text(300).optional(),
    replaces: uuid.optional(),
  }),
]);
export type ResultDraftBody = z.infer<typeof resultDraftBody>;
