/**
 * Sample form data as the dossier engine records it on events (packages/core/src/dossiers/form-data.ts), with
 * Vietnamese names full of diacritics, for the renderer's tests, the PNG fixtures and the benchmark.
 */
import type { FormKind } from '@motcua/core/dossiers';
import { formSetTt01, formSetTt03 } from '@motcua/core/dossiers';
import type { ControlSheetInput, FormRenderInput, LedgerInput } from '@motcua/core/documents';

const applicant = {
  kind: 'person',
  fullName: 'Nguyễn Thị Hường',
  identityNumber: '046190001234',
  address: '12 Lê Lợi, phường Phú Xuân, thành phố Huế',
  phone: '0912345678',
  email: 'huong.nguyen@example.vn',
  authorisationDocument: null,
};

const common = {
  dossierCode: '000.00.25.H33-260305-0007',
  receivingAgencyId: '00000000-0000-4000-8000-000000000001',
  competentAgencyId: '00000000-0000-4000-8000-000000000002',
  applicant,
  owner: null,
  authorised: null,
  procedure: {
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    caseCode: 'default',
    caseName: 'Đăng ký khai sinh',
  },
  summary: 'Đăng ký khai sinh cho con: Trần Gia Bảo',
};

export const sampleFormData: Readonly<Partial<Record<FormKind, Record<string, unknown>>>> = {
  receipt: {
    ...common,
    documents: [
      { code: 'TK', name: 'Tờ khai đăng ký khai sinh', originals: 1, certifiedCopies: 0, photocopies: 0 },
      { code: 'GCS', name: 'Giấy chứng sinh', originals: 1, certifiedCopies: 0, photocopies: 0 },
      { code: 'CCCD', name: 'Căn cước của cha, mẹ (xuất trình)', originals: 0, certifiedCopies: 0, photocopies: 2 },
    ],
    setCount: 1,
    timeLimit: { amount: 3, unit: 'working-days' },
    receivedAt: '2026-03-05T02:30:00.000Z',
    clockStartedAt: '2026-03-05T02:30:00.000Z',
    dueAt: '2026-03-10T02:30:00.000Z',
    dueAtPending: false,
    returnMethod: 'counter',
    channel: 'counter',
    ledger: { year: 2026, number: 7 },
    postal: null,
  },
  supplement_request: {
    ...common,
    stage: 'reception',
    items: ['Bản sao Giấy chứng nhận kết hôn của cha, mẹ', 'Văn bản ủy quyền có chứng thực'],
    reason: 'Hồ sơ thiếu giấy tờ chứng minh quan hệ hôn nhân; người nộp không phải cha, mẹ đẻ.',
    requestedAt: '2026-03-05T03:00:00.000Z',
  },
  refusal: {
    ...common,
    stage: 'reception',
    reasons: 'Trẻ em đã được đăng ký khai sinh tại Ủy ban nhân dân xã Hương Thọ; không thuộc thẩm quyền giải quyết.',
    refusedAt: '2026-03-05T03:10:00.000Z',
  },
  apology_extension: {
    ...common,
    receivedAt: '2026-03-05T02:30:00.000Z',
    originalDueAt: '2026-03-10T02:30:00.000Z',
    reason: 'Phải xác minh thông tin nơi cư trú của người mẹ tại địa phương khác; chưa nhận được kết quả xác minh.',
    newDueAt: '2026-03-13T09:00:00.000Z',
    newDueDate: '2026-03-13',
  },
  stop_notice: {
    ...common,
    requestedAt: '2026-03-06T07:45:00.000Z',
    requestChannel: 'counter',
    reason: 'Gia đình đề nghị dừng để bổ sung tên đệm của trẻ.',
    statusCheck: 'no decision or result issued',
    issuingAgencyId: common.receivingAgencyId,
  },
};

export function sampleFormInput(kind: FormKind, setId: 'tt03-2025' | 'tt01-2018' = 'tt03-2025'): FormRenderInput {
  const set = setId === 'tt03-2025' ? formSetTt03 : formSetTt01;
  const data = sampleFormData[kind];
  const number = set.numbers[kind];
  const title = set.titles[kind];
  if (!data || !number || !title) throw new Error(`No sample for ${kind} in ${setId}`);
  return {
    form: { kind, set: set.id, number, title },
    data,
    issuer: { name: 'Bộ phận Một cửa phường Phú Xuân', parentName: 'Ủy ban nhân dân phường Phú Xuân', place: 'Huế' },
    competentAgencyName: 'Ủy ban nhân dân phường Phú Xuân',
    documentNumber: `7/${kind === 'receipt' ? '' : 'P'}BPTNTKQ`,
    issuedAt: new Date('2026-03-05T02:30:00.000Z'),
    verificationUrl: 'http://localhost:3000/xac-thuc/3f2b6c1e-8a1d-4c55-9b0e-2f6a7d9c1a00',
    officerName: 'Lê Văn Tiếp',
  };
}

const issuer = { name: 'Bộ phận Một cửa phường Phú Xuân', parentName: 'Ủy ban nhân dân phường Phú Xuân', place: 'Huế' };

export function sampleControlSheetInput(set: 'tt03-2025' | 'tt01-2018' = 'tt03-2025'): ControlSheetInput {
  const s = set === 'tt03-2025' ? formSetTt03 : formSetTt01;
  const at = (iso: string) => new Date(iso);
  return {
    form: { set: s.id, number: s.numbers.control_sheet!, title: s.titles.control_sheet! },
    issuer,
    documentNumber: '3/PKS-BPTNTKQ',
    issuedAt: at('2026-03-09T08:00:00Z'),
    verificationUrl: 'http://localhost:3000/xac-thuc/3f2b6c1e-8a1d-4c55-9b0e-2f6a7d9c1a01',
    dossierCode: '000.00.25.H33-260305-0007',
    applicantName: 'Nguyễn Thị Hường',
    procedureName: 'Đăng ký khai sinh',
    competentAgencyName: 'Ủy ban nhân dân phường Phú Xuân',
    cooperatingAgencyNames: ['Công an phường Phú Xuân'],
    receivedAt: at('2026-03-05T02:30:00Z'),
    dueAt: at('2026-03-10T02:30:00Z'),
    extendedDueAt: null,
    timeLimit: { amount: 3, unit: 'working-days' },
    rows: [
      { giver: 'Lê Văn Tiếp (Bộ phận Một cửa)', receiver: 'Phòng Văn hóa - Xã hội', handedOverAt: at('2026-03-05T03:00:00Z'), dueAt: at('2026-03-05T10:00:00Z'), completedAt: at('2026-03-05T04:00:00Z'), timeliness: 'early', note: null },
      { giver: 'Phòng Văn hóa - Xã hội', receiver: 'Lãnh đạo Ủy ban nhân dân phường', handedOverAt: at('2026-03-06T04:00:00Z'), dueAt: at('2026-03-09T04:00:00Z'), completedAt: at('2026-03-09T04:00:00Z'), timeliness: 'on_time', note: 'Đã xác minh nơi cư trú' },
      { giver: 'Lãnh đạo Ủy ban nhân dân phường', receiver: 'Bộ phận Một cửa', handedOverAt: at('2026-03-09T07:00:00Z'), dueAt: null, completedAt: null, timeliness: null, note: null },
    ],
  };
}

export function sampleLedgerInput(set: 'tt03-2025' | 'tt01-2018' = 'tt03-2025', count = 3): LedgerInput {
  const s = set === 'tt03-2025' ? formSetTt03 : formSetTt01;
  const names = ['Nguyễn Thị Hường', 'Trần Văn Đức', 'Lê Thị Ánh Tuyết', 'Phạm Quốc Hưng'];
  return {
    form: { set: s.id, number: s.numbers.ledger!, title: s.titles.ledger! },
    issuer,
    year: 2026,
    issuedAt: new Date('2026-03-31T09:00:00Z'),
    rows: Array.from({ length: count }, (_, i) => ({
      number: i + 1,
      code: `000.00.25.H33-2603${String(5 + (i % 20)).padStart(2, '0')}-${String(i + 1).padStart(4, '0')}`,
      procedureName: i % 2 ? 'Chứng thực bản sao từ bản chính giấy tờ, văn bản' : 'Đăng ký khai sinh',
      setCount: 1,
      applicantName: names[i % names.length]!,
      applicantAddress: '12 Lê Lợi, phường Phú Xuân, Huế',
      applicantPhone: '0912345678',
      competentAgencyName: 'Ủy ban nhân dân phường Phú Xuân',
      receivedAt: new Date('2026-03-05T02:30:00Z'),
      dueAt: new Date('2026-03-10T02:30:00Z'),
      transferredAt: new Date('2026-03-05T03:00:00Z'),
      resultAt: i % 3 ? new Date('2026-03-09T07:00:00Z') : null,
      returnedAt: i % 3 ? new Date('2026-03-09T08:00:00Z') : null,
      returnMethod: i % 2 ? 'postal' : 'counter',
    })),
  };
}
