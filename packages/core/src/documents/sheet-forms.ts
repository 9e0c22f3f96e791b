/**
 * The two forms drawn from many events: the control sheet (Form 06 of TT 03/2025, 05 of TT 01/2018; A5) — every
 * hand-over with giver, receiver, times and early / on time / late, a rendered view of the event log (legal-spec
 * §16.10) — and the desk ledger (Form 07 / 06; A4, here landscape for its columns: §16.10 for TT 03/2025, §5.3
 * for TT 01/2018).
 */
import { nfc, normaliseDefinition, type DocNode, type DocumentDefinition } from './document-definition';
import { A5_MARGINS, timeLimitText } from './dossier-forms';
import { codesRow, documentHeader, documentTitle, field, paragraph, type IssuingUnit } from './form-layout';
import { dateOnly, timeAndDate } from './local-time';

const isTt03 = (set: string): boolean => set.startsWith('tt03');
const setLabel = (set: string): string => (isTt03(set) ? 'Thông tư 03/2025/TT-VPCP' : 'Thông tư 01/2018/TT-VPCP');

export interface FormHeading {
  readonly set: string;
  readonly number: string;
  readonly title: string;
}

export interface ControlSheetRowInput {
  readonly giver: string;
  readonly receiver: string;
  readonly handedOverAt: Date;
  readonly dueAt: Date | null;
  readonly completedAt: Date | null;
  readonly timeliness: 'early' | 'on_time' | 'late' | null;
  readonly note: string | null;
}

export interface ControlSheetInput {
  readonly form: FormHeading;
  readonly issuer: IssuingUnit;
  readonly documentNumber: string | null;
  readonly issuedAt: Date;
  readonly verificationUrl: string;
  readonly dossierCode: string | null;
  readonly applicantName: string | null;
  readonly procedureName: string;
  readonly competentAgencyName: string;
  readonly cooperatingAgencyNames: readonly string[];
  readonly receivedAt: Date | null;
  readonly dueAt: Date | null;
  readonly extendedDueAt: Date | null;
  readonly timeLimit: unknown;
  readonly rows: readonly ControlSheetRowInput[];
}

const timelinessText: Record<string, string> = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' };

export function controlSheetDefinition(input: ControlSheetInput): DocumentDefinition {
  const small = 8;
  const rows: DocNode[][] = input.rows.map((r, i) => [
    { text: `${i + 1}. Giao: ${nfc(r.giver)}\nNhận: ${nfc(r.receiver)}` },
    { text: `${timeAndDate(r.handedOverAt)}\nNgười giao: ${nfc(r.giver)}\nNgười nhận: ${nfc(r.receiver)}` },
    { text: r.timeliness ? timelinessText[r.timeliness] ?? '' : r.dueAt ? `Hạn: ${timeAndDate(r.dueAt)}` : '' },
    { text: nfc(r.note) },
  ]);
  if (rows.length === 0) rows.push(['', '', '', '']);
  const content: DocNode[] = [
    documentHeader(input.issuer, input.documentNumber ?? '', input.issuedAt, 9, 419.53 - 51 - 31),
    documentTitle(input.form.title, `Mẫu số ${input.form.number} – ${setLabel(input.form.set)}`),
    codesRow(nfc(input.dossierCode) || null, input.verificationUrl),
    field('Kèm theo hồ sơ của', input.applicantName, { bold: true }),
    field('Nội dung yêu cầu giải quyết', input.procedureName),
    field('Cơ quan, đơn vị chủ trì giải quyết', input.competentAgencyName),
    ...(input.cooperatingAgencyNames.length ? [field('Cơ quan phối hợp giải quyết', input.cooperatingAgencyNames.join('; '))] : []),
    field('Thời gian giải quyết theo quy định', timeLimitText(input.timeLimit)),
    field('Thời gian nhận hồ sơ', timeAndDate(input.receivedAt)),
    field('Thời gian trả kết quả', timeAndDate(input.dueAt)),
    ...(input.extendedDueAt ? [field('Thời gian trả kết quả sau gia hạn', timeAndDate(input.extendedDueAt))] : []),
    {
      table: {
        headerRows: 1,
        widths: [82, '*', 52, 44],
        body: [
          ['TÊN CƠ QUAN', 'THỜI GIAN GIAO, NHẬN HỒ SƠ', 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)', 'GHI CHÚ'].map((h) => ({
            text: h,
            bold: true,
            alignment: 'center',
          })),
          ...rows,
        ],
      },
      fontSize: small,
      margin: [0, 4, 0, 4],
    },
    paragraph('Ghi chú: Kết quả giải quyết hồ sơ do bên nhận nhập thông tin/ghi khi nhận bàn giao hồ sơ.', { italics: true, fontSize: small }),
    paragraph('Việc lưu vết được thực hiện tự động theo chức năng của Hệ thống thông tin giải quyết thủ tục hành chính và thể hiện trên mẫu phiếu điện tử.', {
      italics: true,
      fontSize: small,
    }),
  ];
  return normaliseDefinition({
    pageSize: 'A5',
    pageOrientation: 'portrait',
    pageMargins: A5_MARGINS,
    info: { title: nfc(input.form.title), subject: nfc(input.dossierCode), creationDate: input.issuedAt },
    defaultStyle: { fontSize: 9.5, lineHeight: 1.05 },
    content,
  });
}

export interface LedgerRowInput {
  readonly number: number;
  readonly code: string;
  readonly procedureName: string;
  readonly setCount: number;
  readonly applicantName: string | null;
  readonly applicantAddress: string | null;
  readonly applicantPhone: string | null;
  readonly competentAgencyName: string;
  readonly receivedAt: Date;
  readonly dueAt: Date | null;
  readonly transferredAt: Date | null;
  readonly resultAt: Date | null;
  readonly returnedAt: Date | null;
  readonly returnMethod: string;
}

export interface LedgerInput {
  readonly form: FormHeading;
  readonly issuer: IssuingUnit;
  readonly year: number;
  /** A period inside or across years (the monitoring export); the title then names it instead of the year. */
  readonly period?: { readonly from: string; readonly to: string };
  readonly issuedAt: Date;
  readonly rows: readonly LedgerRowInput[];
}

const returnMethodText: Record<string, string> = { counter: 'Trực tiếp', postal: 'Bưu chính', online: 'Trực tuyến' };

/**
 * The ledger's columns for a form set: the header, the PDF widths and each row's cells (the number stays a
 * number; dates are local dd/mm/yyyy). The PDF and the Excel workbook of the ledger both draw this one table.
 */
export interface LedgerTable {
  readonly header: readonly string[];
  readonly widths: readonly (number | string)[];
  readonly cells: (r: LedgerRowInput) => (string | number)[];
}

export function ledgerTable(set: string): LedgerTable {
  const contact = (r: LedgerRowInput) => [nfc(r.applicantAddress), nfc(r.applicantPhone)].filter(Boolean).join('; ');
  const d = (v: Date | null) => (v ? dateOnly(v) : '');
  if (isTt03(set)) {
    return {
      header: ['STT', 'Mã hồ sơ', 'Tên TTHC', 'Tên tổ chức, cá nhân', 'Địa chỉ/SĐT', 'Cơ quan chủ trì giải quyết', 'Nhận hồ sơ', 'Hẹn trả kết quả', 'Trả kết quả', 'Phương thức nhận kết quả', 'Ký nhận'],
      widths: [22, 92, '*', 70, 90, 70, 44, 44, 44, 46, 40],
      cells: (r) => [r.number, r.code, nfc(r.procedureName), nfc(r.applicantName), contact(r), nfc(r.competentAgencyName), d(r.receivedAt), d(r.dueAt), d(r.returnedAt), returnMethodText[r.returnMethod] ?? nfc(r.returnMethod), ''],
    };
  }
  return {
    header: ['TT', 'Mã hồ sơ', 'Tên TTHC', 'Số lượng hồ sơ (bộ)', 'Tên cá nhân, tổ chức', 'Địa chỉ, số điện thoại', 'Cơ quan chủ trì giải quyết', 'Nhận hồ sơ', 'Hẹn trả kết quả', 'Chuyển hồ sơ đến cơ quan giải quyết', 'Nhận kết quả từ cơ quan giải quyết', 'Trả kết quả cho cá nhân, tổ chức', 'Ký nhận'],
    widths: [20, 84, '*', 32, 64, 80, 64, 40, 40, 44, 44, 44, 34],
    cells: (r) => [r.number, r.code, nfc(r.procedureName), r.setCount, nfc(r.applicantName), contact(r), nfc(r.competentAgencyName), d(r.receivedAt), d(r.dueAt), d(r.transferredAt), d(r.resultAt), d(r.returnedAt), ''],
  };
}

/** The ledger's title: of a year, or of a period ("từ ngày … đến ngày …"). */
export function ledgerTitle(input: Pick<LedgerInput, 'form' | 'year' | 'period'>): string {
  return input.period
    ? `${input.form.title} từ ngày ${dateOnly(input.period.from)} đến ngày ${dateOnly(input.period.to)}`
    : `${input.form.title} năm ${input.year}`;
}

/** "Mẫu số 07 – Thông tư 03/2025/TT-VPCP". */
export const formLabel = (form: FormHeading): string => `Mẫu số ${form.number} – ${setLabel(form.set)}`;

export function ledgerDefinition(input: LedgerInput): DocumentDefinition {
  const table = ledgerTable(input.form.set);
  const header: DocNode[] = table.header.map((h) => ({ text: h, bold: true, alignment: 'center' }));
  const body: DocNode[][] = [header, ...input.rows.map((r) => table.cells(r).map(String))];
  if (input.rows.length === 0) body.push(table.header.map(() => ''));
  const content: DocNode[] = [
    documentHeader(input.issuer, null, input.issuedAt, 10, 841.89 - 57 - 42),
    documentTitle(ledgerTitle(input), formLabel(input.form)),
    { table: { headerRows: 1, widths: [...table.widths], body }, fontSize: 8, margin: [0, 4, 0, 0] },
  ];
  return normaliseDefinition({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [57, 42, 42, 42],
    info: { title: nfc(input.form.title), subject: `${nfc(input.issuer.name)} ${input.period ? `${input.period.from} – ${input.period.to}` : input.year}`, creationDate: input.issuedAt },
    defaultStyle: { fontSize: 10, lineHeight: 1.05 },
    content,
  });
}
