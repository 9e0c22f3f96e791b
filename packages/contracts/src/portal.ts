/**
 * The citizen portal's own API (docs/portal.md): the applicant's profile that pre-fills forms, the businesses
 * they act for (organisations with a tax code), and server-side drafts of online submissions. Every route needs
 * a citizen session; each citizen sees only their own records. The checks here (tax code, ID number, phone) run
 * in the page and on the server alike — one piece of code.
 */
import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

/**
 * A Vietnamese tax code (mã số thuế): 10 digits, the tenth the check digit of the first nine (weights 31, 29, 23,
 * 19, 17, 13, 7, 5, 3; check = 10 − sum mod 11, a result of 10 is never issued), or 13 digits for a branch or
 * dependent unit: the parent's 10 digits and a number 001–999, usually written after a hyphen.
 * Interpretation (docs/portal.md): the rule as the tax authority's numbering is commonly described; not read in
 * the current circular.
 */
export function normaliseTaxCode(value: string): string {
  return value.replace(/[\s.]/g, '').replace(/^(\d{10})-(\d{3})$/, '$1$2');
}

export function isValidTaxCode(value: string): boolean {
  const code = normaliseTaxCode(value);
  if (!/^\d{10}(\d{3})?$/.test(code)) return false;
  if (code.length === 13 && code.slice(10) === '000') return false;
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(code[i]), 0);
  const check = 10 - (sum % 11);
  return check < 10 && check === Number(code[9]);
}

/** The tax code as printed: 0100233488, or 0314409058-002 for a branch. */
export function formatTaxCode(value: string): string {
  const code = normaliseTaxCode(value);
  return code.length === 13 ? `${code.slice(0, 10)}-${code.slice(10)}` : code;
}

/** A personal identification number of the chip-based citizen identity card (căn cước): 12 digits. */
export function isValidIdentityNumber(value: string): boolean {
  return /^\d{12}$/.test(value.trim());
}

/** A Vietnamese phone number: 0 and 9 digits, or +84 and 9 digits; spaces, dots and hyphens are ignored. */
export function normalisePhone(value: string): string {
  const compact = value.replace(/[\s.()-]/g, '');
  return compact.startsWith('+84') ? `0${compact.slice(3)}` : compact;
}

export function isValidPhone(value: string): boolean {
  return /^0\d{9}$/.test(normalisePhone(value));
}

export const messages = {
  taxCode: 'Mã số thuế gồm 10 chữ số (hoặc 13 chữ số với đơn vị phụ thuộc) và chữ số kiểm tra phải đúng; hãy xem lại trên giấy chứng nhận đăng ký doanh nghiệp | A tax code has 10 digits (13 for a branch) and a check digit that must match; check it on the business registration certificate',
  identityNumber: 'Số định danh cá nhân gồm 12 chữ số, in trên thẻ căn cước | The personal identification number has 12 digits, printed on the identity card',
  phone: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678) | A phone number has 10 digits starting with 0 (e.g. 0912345678)',
  date: 'Ngày không hợp lệ; nhập theo dạng năm-tháng-ngày | Not a valid date; use year-month-day',
} as const;

const localDate = z.iso.date({ message: messages.date });

export const profileBody = z.strictObject({
  fullName: z.string().trim().min(1).max(200),
  identityNumber: optionalText(20).refine((v) => v === null || isValidIdentityNumber(v), messages.identityNumber),
  dateOfBirth: localDate.nullable().default(null),
  phone: optionalText(20)
    .refine((v) => v === null || isValidPhone(v), messages.phone)
    .transform((v) => (v === null ? null : normalisePhone(v))),
  email: z.email().nullable().default(null),
  address: optionalText(500),
  /** The version the page read; 0 when no profile was saved yet. A different one answers 409 STALE_VERSION. */
  rowVersion: z.number().int().min(0),
});
export type ProfileBody = z.input<typeof profileBody>;

export const profileResponse = z.object({
  fullName: z.string(),
  identityNumber: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  rowVersion: z.number().int(),
  updatedAt: instant.nullable(),
});
export type ProfileResponse = z.infer<typeof profileResponse>;

export const organisationBody = z.strictObject({
  name: z.string().trim().min(1).max(300),
  taxCode: z
    .string()
    .trim()
    .refine(isValidTaxCode, messages.taxCode)
    .transform(normaliseTaxCode),
  address: optionalText(500),
  representative: optionalText(200),
});
export type OrganisationBody = z.input<typeof organisationBody>;

export const organisationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  taxCode: z.string(),
  address: z.string().nullable(),
  representative: z.string().nullable(),
  createdAt: instant,
});
export type Organisation = z.infer<typeof organisationSchema>;
export const organisationsResponse = z.object({ items: z.array(organisationSchema) });
export const idParams = z.strictObject({ id: z.uuid() });

/**
 * What a draft holds: the step the citizen was on and the form's values, as the page keeps them. The server
 * keeps it as given (at most 64 KB) and checks it only at submission.
 */
export const draftContentSchema = z.object({
  step: z.number().int().min(0).max(50),
  values: z.record(z.string(), z.unknown()),
});
export type DraftContent = z.infer<typeof draftContentSchema>;

export const createDraftBody = z.strictObject({
  procedureCode: z.string().trim().min(1).max(40),
  caseCode: z.string().trim().min(1).max(100),
  content: draftContentSchema,
});
export const saveDraftBody = z.strictObject({
  content: draftContentSchema,
  /** The version the page read; another answers 409 STALE_VERSION with the current version in `details`. */
  rowVersion: z.number().int().min(1),
});

export const draftSummarySchema = z.object({
  id: z.uuid(),
  procedureCode: z.string(),
  procedureName: z.string().nullable(),
  caseCode: z.string(),
  caseName: z.string().nullable(),
  step: z.number().int(),
  rowVersion: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
});
export type DraftSummary = z.infer<typeof draftSummarySchema>;
export const draftSchema = draftSummarySchema.extend({ content: draftContentSchema });
export type Draft = z.infer<typeof draftSchema>;
export const draftsResponse = z.object({ items: z.array(draftSummarySchema) });
export const draftsQuery = z.strictObject({
  procedureCode: z.string().trim().max(40).optional(),
  caseCode: z.string().trim().max(100).optional(),
});

export const submitDraftBody = z.strictObject({
  /** The version of the draft the citizen reviewed: what is submitted is exactly what they saw. */
  rowVersion: z.number().int().min(1),
});
/**
 * What the citizen gets at once on submitting (docs/portal.md, "What the citizen gets and when"): the submission
 * time, when the desk must check the dossier and the due time it would get if received then. The dossier code and
 * the legal due time are the desk's, at reception (TT 01/2018 Art. 19): null until then.
 */
export const submissionResponse = z.object({
  dossierId: z.uuid(),
  draftId: z.uuid(),
  code: z.string().nullable(),
  status: z.number().int().nullable(),
  submittedAt: instant.nullable(),
  receptionCheckDueAt: instant.nullable(),
  dueAt: instant.nullable(),
  estimatedDueAt: instant.nullable().describe('The due time if the desk receives the dossier when its check is due (an upper estimate; null when none can be said)'),
});
export type SubmissionResponse = z.infer<typeof submissionResponse>;

export const attachmentLimitsResponse = z.object({
  maxFileBytes: z.number().int(),
  maxDossierBytes: z.number().int(),
  mediaTypes: z.array(z.string()),
});

export const notificationsResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      dossierId: z.string(),
      dossierCode: z.string().nullable(),
      procedureName: z.string(),
      channel: z.enum(['email', 'sms']),
      status: z.enum(['pending', 'sent', 'failed']),
      createdAt: instant,
      sentAt: instant.nullable(),
      subject: z.string(),
      text: z.string(),
    }),
  ),
});
