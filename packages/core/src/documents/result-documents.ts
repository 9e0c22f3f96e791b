/**
 * Result documents rendered from dossier data (legal-spec §8.4: results are signed before return). Two templates:
 *  - `result_letter`: a generic letter announcing the result of a procedure (TM. the competent agency, its head
 *    signs), for procedures without a template of their own;
 *  - `birth_extract`: "Trích lục khai sinh" in the style of the civil-status extract (TT 04/2020/TT-BTP layout as
 *    known from issued copies; the official template was not read: an interpretation, check before printing).
 * Fields come from the officer who drafts the result; the leader approves the draft before it is signed.
 */
import { nfc, normaliseDefinition, type DocNode, type DocumentDefinition } from './document-definition';
import { codesRow, documentHeader, documentTitle, field, paragraph, signatures, type IssuingUnit } from './form-layout';
import { dateOnly } from './local-time';

export const resultTemplates = ['result_letter', 'birth_extract'] as const;
export type ResultTemplate = (typeof resultTemplates)[number];

export const resultTemplateTitles: Readonly<Record<ResultTemplate, string>> = {
  result_letter: 'Thông báo kết quả giải quyết thủ tục hành chính',
  birth_extract: 'Trích lục khai sinh',
};

/** The fields each template prints, in order, with their labels. */
export const birthExtractFields = [
  ['fullName', 'Họ, chữ đệm, tên'],
  ['birthDate', 'Ngày, tháng, năm sinh'],
  ['birthDateInWords', 'Ghi bằng chữ'],
  ['sex', 'Giới tính'],
  ['ethnicity', 'Dân tộc'],
  ['nationality', 'Quốc tịch'],
  ['birthPlace', 'Nơi sinh'],
  ['hometown', 'Quê quán'],
  ['personalIdentityNumber', 'Số định danh cá nhân'],
  ['motherName', 'Họ, chữ đệm, tên người mẹ'],
  ['motherBirthYear', 'Năm sinh của người mẹ'],
  ['motherResidence', 'Nơi cư trú của người mẹ'],
  ['fatherName', 'Họ, chữ đệm, tên người cha'],
  ['fatherBirthYear', 'Năm sinh của người cha'],
  ['fatherResidence', 'Nơi cư trú của người cha'],
  ['registrationPlace', 'Nơi đăng ký khai sinh'],
  ['registrationDate', 'Ngày, tháng, năm đăng ký'],
  ['registerBook', 'Số, quyển số'],
] as const;

export interface ResultDocumentInput {
  readonly template: ResultTemplate;
  /** The competent agency (its parent above it, when it has one). */
  readonly issuer: IssuingUnit;
  /** "TM. ỦY BAN NHÂN DÂN" line and the signer's title ("CHỦ TỊCH"). */
  readonly signerTitle: string;
  readonly signerName: string | null;
  readonly documentNumber: string | null;
  readonly issuedAt: Date;
  readonly verificationUrl: string;
  readonly dossierCode: string | null;
  readonly applicantName: string | null;
  readonly procedureName: string;
  readonly receivedAt: Date | null;
  /** What the letter says was decided (result_letter). */
  readonly resultText: string;
  /** Template fields (birth_extract). */
  readonly fields: Readonly<Record<string, string>>;
}

function resultLetterBody(input: ResultDocumentInput): DocNode[] {
  return [
    { text: `Kính gửi: ${nfc(input.applicantName) || '……'}`, alignment: 'center', margin: [0, 0, 0, 6] },
    paragraph(
      `Ngày ${input.receivedAt ? dateOnly(input.receivedAt) : '……'}, ${nfc(input.issuer.name)} nhận được hồ sơ đề nghị giải quyết thủ tục hành chính ` +
        `${nfc(input.procedureName)} của Ông (Bà)/tổ chức ${nfc(input.applicantName)}, mã hồ sơ ${nfc(input.dossierCode)}.`,
    ),
    paragraph(`${nfc(input.issuer.name)} thông báo kết quả giải quyết như sau:`),
    paragraph(nfc(input.resultText) || '……', { bold: true, margin: [12, 2, 0, 4] }),
    paragraph('Ông (Bà)/tổ chức nhận kết quả theo phương thức đã đăng ký khi nộp hồ sơ.'),
  ];
}

function birthExtractBody(input: ResultDocumentInput): DocNode[] {
  return birthExtractFields.map(([key, label]) => field(label, input.fields[key]));
}

export function resultDocumentDefinition(input: ResultDocumentInput): DocumentDefinition {
  const body = input.template === 'birth_extract' ? birthExtractBody(input) : resultLetterBody(input);
  const subtitle = input.template === 'birth_extract' ? '(Bản chính)' : undefined;
  const parent = nfc(input.issuer.parentName ?? input.issuer.name).toLocaleUpperCase('vi');
  const content: DocNode[] = [
    documentHeader(input.issuer, input.documentNumber ?? '', input.issuedAt, 11, 595.28 - 85 - 57),
    documentTitle(resultTemplateTitles[input.template], subtitle),
    codesRow(nfc(input.dossierCode) || null, input.verificationUrl),
    ...body,
    signatures([
      {
        role: `TM. ${parent}\n${nfc(input.signerTitle)}`,
        note: '(Chữ ký số của người có thẩm quyền và con dấu của cơ quan)',
        name: input.signerName,
      },
    ]),
  ];
  return normaliseDefinition({
    pageSize: 'A4',
    pageOrientation: 'portrait',
    // NĐ 30/2020 Appendix I: top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
    pageMargins: [85, 57, 57, 57],
    info: { title: resultTemplateTitles[input.template], subject: nfc(input.dossierCode), creationDate: input.issuedAt },
    defaultStyle: { fontSize: 13, lineHeight: 1.15 },
    content,
  });
}
