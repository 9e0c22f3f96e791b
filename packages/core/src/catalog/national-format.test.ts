import { describe, expect, it } from 'vitest';
import { buildCase, buildProcedureContent, buildProcessingTime } from './builders';
import { sameContent } from './canonical';
import { diffContent } from './version-diff';
import { readNationalJson, toNationalJson, unitFromLabel } from './national-format';
import { mergeNational } from './national-merge';

const landRecord = {
  MATTHC: '1.012786',
  TENTTHC: 'Cấp lại Giấy chứng nhận do bị mất',
  LINHVUCTHUCHIEN: [{ MALINHVUC: 'G17-DD', TENLINHVUC: 'Đất đai' }],
  TRINHTUTHUCHIEN: [{ TRUONGHOP: '', TRINHTU: [{ TENTRINHTU: 'Nộp hồ sơ' }, { TENTRINHTU: 'Trả kết quả' }] }],
  CACHTHUCTHUCHIEN: [
    { KENH: 1, THOIGIAN: [{ THOIGIANGIAIQUYET: 20, DONVITINH: 'Ngày làm việc', MOTA: '', PHILEPHI: [{ SOTIEN: 0, DONVI: 'Đồng', MOTA: 'Lệ phí cấp Giấy chứng nhận' }] }] },
    { KENH: '2', THOIGIAN: [{ THOIGIANGIAIQUYET: '10', DONVITINH: 'Ngày làm việc', PHILEPHI: [{ SOTIEN: 0, DONVI: 'Đồng', MOTA: 'Lệ phí cấp Giấy chứng nhận' }] }] },
    { KENH: 3, THOIGIAN: [{ THOIGIANGIAIQUYET: 10, DONVITINH: 'Ngày làm việc' }] },
  ],
  THANHPHANHOSO: [{ GIAYTO: [{ MAGIAYTO: 'GT1', TENGIAYTO: 'Đơn đề nghị cấp lại', TENMAUDON: 'Mẫu số 11/ĐK', URL: 'https://dichvucong.gov.vn/mau.docx' }] }],
  YEUCAU: null,
  MOTADOITUONGTHUCHIEN: 'Công dân Việt Nam',
  KETQUATHUCHIEN: [{ MAKETQUA: 'KQ1', TENKETQUA: 'Giấy chứng nhận' }],
  CANCUPHAPLY: [{ SOVANBAN: '31/2024/QH15', TENVANBAN: 'Luật Đất đai' }],
  COQUANTHUCHIEN: [{ TENDONVI: 'Văn phòng đăng ký đất đai', MADONVI: null }],
};

describe('national catalogue JSON (LayThuTuc)', () => {
  it('maps a record: channels with their time limits and fees, documents with form templates', () => {
    const [result] = readNationalJson({ result: [landRecord] });
    expect(result!.ok).toBe(true);
    if (!result!.ok) return;
    const { code, content } = result!.value;
    expect(code).toBe('1.012786');
    expect(content.field).toEqual({ code: 'G17-DD', name: 'Đất đai' });
    expect(content.competentAgency).toEqual({ kind: 'external', name: 'Văn phòng đăng ký đất đai' });
    const [only] = content.cases;
    expect(only!.id).toBe('mac-dinh');
    expect(only!.processingTimes.map((t) => [t.amount, t.unit, t.channels])).toEqual([
      [20, 'working-days', ['counter']],
      [10, 'working-days', ['online', 'postal']],
    ]);
    expect(only!.fees).toEqual([
      expect.objectContaining({ name: 'Lệ phí cấp Giấy chứng nhận', kind: 'charge', amountVnd: 0, channels: ['counter', 'online'] }),
    ]);
    expect(only!.documents[0]).toMatchObject({
      code: 'GT1',
      originals: 1,
      formTemplates: [{ name: 'Mẫu số 11/ĐK', url: 'https://dichvucong.gov.vn/mau.docx' }],
    });
    // the record does not give the number of originals: visible as inferred
    expect(content.inferredFields).toEqual(['documents.originals']);
    expect(content.steps).toEqual(['Nộp hồ sơ', 'Trả kết quả']);
  });

  it('reports each bad item with its position, code and field, and reads the good ones', () => {
    const results = readNationalJson([
      landRecord,
      { ...landRecord, MATTHC: '1.000001', CACHTHUCTHUCHIEN: [{ KENH: 1, THOIGIAN: [{ THOIGIANGIAIQUYET: 3, DONVITINH: 'Tuần' }] }] },
      { ...landRecord, MATTHC: '1.000002', TENTTHC: '' },
      { ...landRecord, MATTHC: 'abc' },
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, false, false, false]);
    expect(results.flatMap((r) => (r.ok ? [] : r.error.map((e) => `${e.row} ${e.code} ${e.field}: ${e.message}`)))).toEqual([
      '2 1.000001 CACHTHUCTHUCHIEN[0].THOIGIAN[0].DONVITINH: unknown unit "Tuần"',
      '3 1.000002 TENTTHC: Too small: expected string to have >=1 characters',
      '4 abc MATTHC: "abc" is not a procedure code',
    ]);
  });

  it('gives the n-th time of a channel to the n-th case when a channel has several', () => {
    const record = {
      ...landRecord,
      TRINHTUTHUCHIEN: [],
      THANHPHANHOSO: [],
      CACHTHUCTHUCHIEN: [
        {
          KENH: 2,
          THOIGIAN: [
            { THOIGIANGIAIQUYET: 1, DONVITINH: 'Ngày làm việc', MOTA: 'Thông tin có trong CSDL' },
            { THOIGIANGIAIQUYET: 3, DONVITINH: 'Ngày làm việc', MOTA: 'Cần xác minh' },
          ],
        },
      ],
    };
    const [result] = readNationalJson(record);
    expect(result!.ok && result!.value.content.cases.map((c) => [c.id, c.processingTimes.map((t) => t.amount)])).toEqual([
      ['mac-dinh', [1]],
      ['can-xac-minh', [3]],
    ]);
  });

  it('reads our own export back to the same content (local details kept by the merge)', () => {
    const base = buildProcedureContent();
    const baseCase = base.cases[0]!;
    const content = buildProcedureContent({
      cases: [
        {
          ...baseCase,
          processingTimes: [
            buildProcessingTime({ amount: 17, channels: ['online'], sameDayCutoff: '15:00' }),
            buildProcessingTime({ amount: 27, channels: ['postal', 'counter'], note: 'Nộp trực tiếp' }),
          ],
          fees: [{ ...baseCase.fees[0]!, channels: ['postal', 'online'], per: '/bản' }],
        },
        buildCase({ id: 'cap-lai', name: 'Cấp lại', workflows: [] }),
      ],
    });
    const exported = JSON.parse(JSON.stringify({ result: [toNationalJson('1.001193', content)] }));
    const [read] = readNationalJson(exported);
    if (!read!.ok) throw new Error(JSON.stringify(read!.error));
    const merged = mergeNational(content, read!.value.content);
    expect(diffContent(content, merged)).toEqual([]);
    expect(sameContent(content, merged)).toBe(true);
  });

  it('knows the national time units', () => {
    expect(['Ngày làm việc', 'Ngày', 'Giờ', 'Giờ làm việc', 'Tháng', 'Tuần'].map(unitFromLabel)).toEqual([
      'working-days',
      'calendar-days',
      'working-hours',
      'working-hours',
      'months',
      null,
    ]);
  });
});
