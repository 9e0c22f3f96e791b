/**
 * The declarations (tờ khai) of online submission, as data: which fields each procedure's form has, and the checks
 * the page and the server both run on them (one piece of code). The catalogue holds no field definitions yet; a
 * procedure without a form here gets the generic one: what is requested, and the applicant's pledge. The birth
 * registration declaration (Tờ khai đăng ký khai sinh, form of Thông tư 04/2020/TT-BTP as amended) is complete.
 * Field labels are translation keys `citizen:form.<fieldId>`.
 */
import { isValidIdentityNumber, isValidPhone } from './portal';

export type FormFieldKind = 'text' | 'textarea' | 'date' | 'select' | 'identity' | 'phone' | 'email' | 'year' | 'number' | 'pledge';

export interface FormField {
  readonly id: string;
  readonly kind: FormFieldKind;
  readonly required: boolean;
  /** select: the option keys (`citizen:form.options.<id>.<option>`). */
  readonly options?: readonly string[];
  readonly maxLength?: number;
}

export interface FormSection {
  readonly id: string;
  readonly fields: readonly FormField[];
}

export interface DeclarationForm {
  readonly id: string;
  readonly sections: readonly FormSection[];
  /**
   * The catalogue documents that are this declaration, by name (the catalogue gives them no code): the paper form
   * for counter or postal submission (not asked online) and the electronic form the wizard fills (no file to send).
   */
  readonly catalogueDocuments?: { readonly paper: RegExp; readonly electronic: RegExp };
}

const text = (id: string, required = true, maxLength = 200): FormField => ({ id, kind: 'text', required, maxLength });

export const genericDeclaration: DeclarationForm = {
  id: 'generic',
  sections: [
    {
      id: 'request',
      fields: [
        { id: 'request.content', kind: 'textarea', required: true, maxLength: 2000 },
        { id: 'request.pledge', kind: 'pledge', required: true },
      ],
    },
  ],
};

/** Tờ khai đăng ký khai sinh: the requester, the child, the mother and the father, copies wanted, the pledge. */
export const birthRegistrationDeclaration: DeclarationForm = {
  id: 'birth-registration',
  catalogueDocuments: { paper: /^Tờ khai đăng ký khai sinh/i, electronic: /^Mẫu hộ tịch điện tử tương tác đăng ký khai sinh/i },
  sections: [
    {
      id: 'child',
      fields: [
        text('child.fullName'),
        { id: 'child.dateOfBirth', kind: 'date', required: true },
        { id: 'child.sex', kind: 'select', required: true, options: ['male', 'female'] },
        text('child.ethnicity', true, 50),
        text('child.nationality', true, 50),
        text('child.placeOfBirth', true, 300),
        text('child.hometown', true, 300),
      ],
    },
    {
      id: 'mother',
      fields: [
        text('mother.fullName', false),
        { id: 'mother.birthYear', kind: 'year', required: false },
        text('mother.ethnicity', false, 50),
        text('mother.nationality', false, 50),
        text('mother.residence', false, 300),
        { id: 'mother.identityNumber', kind: 'identity', required: false },
      ],
    },
    {
      id: 'father',
      fields: [
        text('father.fullName', false),
        { id: 'father.birthYear', kind: 'year', required: false },
        text('father.ethnicity', false, 50),
        text('father.nationality', false, 50),
        text('father.residence', false, 300),
        { id: 'father.identityNumber', kind: 'identity', required: false },
      ],
    },
    {
      id: 'request',
      fields: [
        { id: 'request.relationship', kind: 'select', required: true, options: ['mother', 'father', 'grandparent', 'sibling', 'other'] },
        { id: 'request.copies', kind: 'number', required: true },
        { id: 'request.pledge', kind: 'pledge', required: true },
      ],
    },
  ],
};

/** National procedure codes with their own declaration. */
const declarations: Readonly<Record<string, DeclarationForm>> = {
  '1.001193': birthRegistrationDeclaration,
};

export function declarationFor(procedureCode: string): DeclarationForm {
  return declarations[procedureCode] ?? genericDeclaration;
}

/**
 * How online submission treats a catalogue document of the procedure: `paper` — the declaration's paper form,
 * for counter or postal submission only, not asked online; `filled` — the electronic declaration the wizard fills
 * in its steps, no file to send; null — any other document (its own upload slot).
 */
export function declarationDocument(procedureCode: string, documentName: string): 'paper' | 'filled' | null {
  const documents = declarationFor(procedureCode).catalogueDocuments;
  if (!documents) return null;
  if (documents.electronic.test(documentName.trim())) return 'filled';
  if (documents.paper.test(documentName.trim())) return 'paper';
  return null;
}

export type DeclarationValues = Readonly<Record<string, unknown>>;

/** A problem with one field: its id and a message key `citizen:form.errors.<problem>`. */
export interface DeclarationProblem {
  readonly field: string;
  readonly problem: 'required' | 'tooLong' | 'date' | 'future' | 'option' | 'identity' | 'phone' | 'email' | 'year' | 'copies' | 'pledge' | 'parents' | 'organisation';
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function checkField(field: FormField, value: unknown, today: string): DeclarationProblem['problem'] | null {
  if (field.kind === 'pledge') return value === true ? null : 'pledge';
  if (isBlank(value)) return field.required ? 'required' : null;
  const s = String(value).trim();
  if (field.maxLength && s.length > field.maxLength) return 'tooLong';
  switch (field.kind) {
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) return 'date';
      return s > today ? 'future' : null;
    case 'select':
      return field.options?.includes(s) ? null : 'option';
    case 'identity':
      return isValidIdentityNumber(s) ? null : 'identity';
    case 'phone':
      return isValidPhone(s) ? null : 'phone';
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ? null : 'email';
    case 'year': {
      const year = Number(s);
      return /^\d{4}$/.test(s) && year >= 1900 && year <= Number(today.slice(0, 4)) ? null : 'year';
    }
    case 'number': {
      const n = Number(s);
      return Number.isInteger(n) && n >= 0 && n <= 20 ? null : 'copies';
    }
    default:
      return null;
  }
}

/**
 * Every problem of a declaration, in form order. `today` is the legal date (YYYY-MM-DD, Huế time). The birth
 * registration needs at least one parent's name (a child without known parents is registered at the desk).
 */
export function checkDeclaration(form: DeclarationForm, values: DeclarationValues, today: string): DeclarationProblem[] {
  const problems: DeclarationProblem[] = [];
  for (const section of form.sections) {
    for (const field of section.fields) {
      const problem = checkField(field, values[field.id], today);
      if (problem) problems.push({ field: field.id, problem });
    }
  }
  if (form.id === 'birth-registration' && isBlank(values['mother.fullName']) && isBlank(values['father.fullName'])) {
    problems.push({ field: 'mother.fullName', problem: 'parents' });
  }
  return problems;
}

/** The fields of one section that have problems (the wizard checks a step before moving on). */
export function checkSection(form: DeclarationForm, sectionId: string, values: DeclarationValues, today: string): DeclarationProblem[] {
  const fields = new Set(form.sections.find((s) => s.id === sectionId)?.fields.map((f) => f.id) ?? []);
  return checkDeclaration(form, values, today).filter((p) => fields.has(p.field));
}

/** What each problem means, "vi | en" (the server answers in the caller's language; the page picks its own). */
export const declarationMessages: Readonly<Record<DeclarationProblem['problem'], string>> = {
  required: 'Mục này bắt buộc; hãy điền vào | This is required; fill it in',
  tooLong: 'Nội dung quá dài; hãy viết ngắn lại | Too long; shorten it',
  date: 'Ngày không hợp lệ; chọn ngày trên lịch hoặc nhập theo dạng năm-tháng-ngày | Not a valid date; pick it or type year-month-day',
  future: 'Ngày này chưa đến; hãy kiểm tra lại | This date is in the future; check it',
  option: 'Hãy chọn một trong các lựa chọn | Choose one of the options',
  identity: 'Số định danh cá nhân gồm 12 chữ số, in trên thẻ căn cước | The personal identification number has 12 digits, printed on the identity card',
  phone: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678); dùng để tra cứu hồ sơ | A phone number has 10 digits starting with 0 (e.g. 0912345678); it is used to track the dossier',
  email: 'Địa chỉ thư điện tử chưa đúng, ví dụ ten@example.vn | Not an e-mail address, e.g. name@example.vn',
  year: 'Nhập năm sinh gồm 4 chữ số, ví dụ 1990 | Enter the year of birth in 4 digits, e.g. 1990',
  copies: 'Nhập số bản sao từ 0 đến 20 | Enter a number of copies from 0 to 20',
  pledge: 'Hãy đánh dấu lời cam đoan để nộp hồ sơ | Tick the pledge to submit',
  organisation: 'Hãy chọn một doanh nghiệp, tổ chức trong danh sách của bạn (thêm ở trang Thông tin cá nhân) | Choose one of your businesses or organisations (add them on the Profile page)',
  parents: 'Cần ít nhất họ tên của mẹ hoặc của cha; trẻ chưa xác định được cha mẹ thì đăng ký tại Bộ phận Một cửa | At least the mother’s or the father’s name is needed; a child whose parents are unknown is registered at the one-stop desk',
};

/** The message of a problem in a language. */
export function declarationMessage(problem: DeclarationProblem['problem'], language: string): string {
  const [vi, en] = declarationMessages[problem].split(' | ');
  return (language === 'en' ? en : vi) ?? vi ?? problem;
}

/**
 * The applicant and how the dossier is handled, kept in the draft's values beside the declaration:
 * `applicant.*` (pre-filled from the profile), `place.agencyId` (the service centre to submit to),
 * `delivery.method` (counter, postal, online) and `delivery.address` (postal only).
 */
export const applicantSection: FormSection = {
  id: 'applicant',
  fields: [
    text('applicant.fullName'),
    { id: 'applicant.identityNumber', kind: 'identity', required: true },
    { id: 'applicant.phone', kind: 'phone', required: true, maxLength: 20 },
    { id: 'applicant.email', kind: 'email', required: false, maxLength: 254 },
    text('applicant.address', true, 500),
  ],
};

/**
 * Who the dossier is for (`applicant.for`): the citizen themself (`self`, the default) or one of the businesses
 * they listed in their profile (`organisation`, with `organisation.id`). For a business the organisation is the
 * dossier owner (chủ hồ sơ) and the citizen the applicant (người nộp hồ sơ) who submits for it, as its legal
 * representative or authorised by a document (`applicant.capacity`, `applicant.authorisationDocument`).
 */
export const applicantFor = ['self', 'organisation'] as const;
export const applicantCapacities = ['representative', 'authorised'] as const;

/** The applicant step's problems: the person submitting, and the business they submit for when there is one. */
export function checkApplicant(values: DeclarationValues, today: string): DeclarationProblem[] {
  const problems = checkDeclaration({ id: 'applicant', sections: [applicantSection] }, values, today);
  const target = values['applicant.for'] ?? 'self';
  if (!applicantFor.includes(target as (typeof applicantFor)[number])) problems.push({ field: 'applicant.for', problem: 'option' });
  if (target !== 'organisation') return problems;
  if (isBlank(values['organisation.id'])) problems.push({ field: 'organisation.id', problem: 'organisation' });
  const capacity = values['applicant.capacity'];
  if (!applicantCapacities.includes(capacity as (typeof applicantCapacities)[number])) problems.push({ field: 'applicant.capacity', problem: 'option' });
  if (capacity === 'authorised') {
    const document = values['applicant.authorisationDocument'];
    if (isBlank(document)) problems.push({ field: 'applicant.authorisationDocument', problem: 'required' });
    else if (String(document).trim().length > 300) problems.push({ field: 'applicant.authorisationDocument', problem: 'tooLong' });
  }
  return problems;
}

export const deliveryMethods = ['counter', 'postal', 'online'] as const;

/** Everything a submission needs, in page order: the applicant, the declaration, where to submit, how to receive. */
export function checkSubmission(procedureCode: string, values: DeclarationValues, today: string): DeclarationProblem[] {
  const problems = [...checkApplicant(values, today), ...checkDeclaration(declarationFor(procedureCode), values, today)];
  if (isBlank(values['place.agencyId'])) problems.push({ field: 'place.agencyId', problem: 'required' });
  const method = values['delivery.method'];
  if (!deliveryMethods.includes(method as (typeof deliveryMethods)[number])) problems.push({ field: 'delivery.method', problem: 'option' });
  if (method === 'postal' && isBlank(values['delivery.address'])) problems.push({ field: 'delivery.address', problem: 'required' });
  return problems;
}
