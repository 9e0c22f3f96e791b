/**
 * Which form each transition produces (legal-spec §5.4), by the form set in force on the event's local date:
 * TT 01/2018/TT-VPCP (forms 01–06) and TT 03/2025/TT-VPCP (forms 01–07, with the new 05 stop notice; the control
 * sheet and the ledger became 06 and 07). The effective date of TT 03/2025's forms is SECONDARY (legal-spec
 * §16.1: "from 15/9/2025"): a deployment may pass its own list.
 */
import { localDateOf } from './dossier-code';

export const formKinds = [
  'receipt',
  'supplement_request',
  'refusal',
  'apology_extension',
  'stop_notice',
  'control_sheet',
  'ledger',
] as const;
export type FormKind = (typeof formKinds)[number];

export interface FormSet {
  readonly id: string;
  readonly legalBasis: string;
  /** Local date from which the set is used, inclusive. */
  readonly effectiveFrom: string;
  readonly numbers: Readonly<Partial<Record<FormKind, string>>>;
  readonly titles: Readonly<Partial<Record<FormKind, string>>>;
}

export const formSetTt01: FormSet = {
  id: 'tt01-2018',
  legalBasis: 'TT 01/2018/TT-VPCP',
  effectiveFrom: '2019-01-06',
  numbers: {
    receipt: '01',
    supplement_request: '02',
    refusal: '03',
    apology_extension: '04',
    control_sheet: '05',
    ledger: '06',
  },
  titles: {
    receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    supplement_request: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
    apology_extension: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
    control_sheet: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
    ledger: 'Sổ theo dõi hồ sơ',
  },
};

export const formSetTt03: FormSet = {
  id: 'tt03-2025',
  legalBasis: 'TT 03/2025/TT-VPCP, Phụ lục I',
  effectiveFrom: '2025-09-15',
  numbers: {
    receipt: '01',
    supplement_request: '02',
    refusal: '03',
    apology_extension: '04',
    stop_notice: '05',
    control_sheet: '06',
    ledger: '07',
  },
  titles: {
    receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
    supplement_request: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
    refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
    apology_extension: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
    stop_notice: 'Thông báo dừng giải quyết hồ sơ',
    control_sheet: 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
    ledger: 'Sổ theo dõi hồ sơ',
  },
};

export const defaultFormSets: readonly FormSet[] = [formSetTt01, formSetTt03];

export function formSetOn(instant: Date, sets: readonly FormSet[] = defaultFormSets): FormSet {
  const date = localDateOf(instant);
  const inForce = [...sets].filter((s) => s.effectiveFrom <= date).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  const set = inForce[0];
  if (!set) throw new Error(`No form set in force on ${date}`);
  return set;
}

export interface FormReference {
  readonly kind: FormKind;
  readonly set: string;
  /** null when the set has no such form (a stop under TT 01/2018). */
  readonly number: string | null;
  readonly title: string | null;
}

export function formFor(kind: FormKind, instant: Date, sets: readonly FormSet[] = defaultFormSets): FormReference {
  const set = formSetOn(instant, sets);
  return { kind, set: set.id, number: set.numbers[kind] ?? null, title: set.titles[kind] ?? null };
}
