/**
 * Biểu số II.06a/VPCP/KSTT "Tình hình, kết quả giải quyết thủ tục hành chính tại …" (legal-spec §12; template
 * read from a production system, SECONDARY): one row per field (lĩnh vực), its procedures beneath, a total row;
 * columns (1)–(13) exactly as on the form. The screen, the Excel workbook and the PDF all render this one model.
 */
import { addIi06a, emptyIi06a, figuresOf, ii06aColumnsOf, type Ii06aColumns, type RollupSums } from './figures';
import type { Period } from './period';

export interface Ii06aProcedureRow {
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly columns: Ii06aColumns;
}

export interface Ii06aFieldRow {
  readonly fieldCode: string | null;
  readonly fieldName: string;
  readonly columns: Ii06aColumns;
  readonly procedures: readonly Ii06aProcedureRow[];
}

export interface Ii06aReport {
  readonly form: 'II.06a/VPCP/KSTT';
  readonly unit: { readonly code: string; readonly name: string };
  readonly period: Period;
  readonly rows: readonly Ii06aFieldRow[];
  readonly total: Ii06aColumns;
}

export interface ProcedureSums {
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly fieldCode: string | null;
  readonly fieldName: string | null;
  readonly sums: RollupSums;
}

const collator = new Intl.Collator('vi');
export const otherFieldName = 'Lĩnh vực khác';

export function buildIi06a(unit: Ii06aReport['unit'], period: Period, procedures: readonly ProcedureSums[]): Ii06aReport {
  const byField = new Map<string, { code: string | null; name: string; procedures: Ii06aProcedureRow[] }>();
  for (const p of procedures) {
    const key = p.fieldCode ?? '';
    const field = byField.get(key) ?? { code: p.fieldCode, name: p.fieldName ?? otherFieldName, procedures: [] };
    field.procedures.push({ procedureCode: p.procedureCode, procedureName: p.procedureName, columns: ii06aColumnsOf(figuresOf(p.sums)) });
    byField.set(key, field);
  }
  const rows: Ii06aFieldRow[] = [...byField.values()]
    .map((f) => ({
      fieldCode: f.code,
      fieldName: f.name,
      procedures: f.procedures.sort((a, b) => a.procedureCode.localeCompare(b.procedureCode)),
      columns: f.procedures.reduce((acc, p) => addIi06a(acc, p.columns), emptyIi06a),
    }))
    .sort((a, b) => (a.fieldCode === null ? 1 : b.fieldCode === null ? -1 : collator.compare(a.fieldName, b.fieldName)));
  return { form: 'II.06a/VPCP/KSTT', unit, period, rows, total: rows.reduce((acc, r) => addIi06a(acc, r.columns), emptyIi06a) };
}

/** The form's header: two levels of column titles and the column numbers (1)–(13). */
export const ii06aHeader = {
  title: 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
  formNumber: 'Biểu số II.06a/VPCP/KSTT',
  unitOfCount: 'Đơn vị tính: Số hồ sơ TTHC',
  groups: [
    { title: 'Số hồ sơ nhận giải quyết', span: 4 },
    { title: 'Kết quả giải quyết — Số hồ sơ đã giải quyết', span: 4 },
    { title: 'Số hồ sơ đang giải quyết', span: 3 },
  ],
  columns: [
    'Tổng số',
    'Trong kỳ: Trực tuyến',
    'Trong kỳ: Trực tiếp, dịch vụ bưu chính',
    'Từ kỳ trước chuyển qua',
    'Tổng số',
    'Trước hạn',
    'Đúng hạn',
    'Quá hạn',
    'Tổng số',
    'Trong hạn',
    'Quá hạn',
  ],
  leading: ['STT', 'Lĩnh vực, công việc giải quyết theo cấp'],
} as const;
