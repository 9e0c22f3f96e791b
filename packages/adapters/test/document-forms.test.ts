/**
 * The PDF renderer on every form of both sets: pdftotext (poppler) finds the Vietnamese text intact — composed
 * diacritics, the national header, the dossier code — on one A5 page, and the same definition gives the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPdf } from '@motcua/adapters/documents';
import { controlSheetDefinition, dossierFormDefinition, ledgerDefinition } from '@motcua/core/documents';
import type { FormKind } from '@motcua/core/dossiers';
import { sampleControlSheetInput, sampleFormInput, sampleLedgerInput } from '../../../test-support/documents';

const dir = mkdtempSync(path.join(tmpdir(), 'motcua-forms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function renderToFile(kind: FormKind, set: 'tt03-2025' | 'tt01-2018'): Promise<{ bytes: Uint8Array; file: string }> {
  const bytes = await renderPdf(dossierFormDefinition(sampleFormInput(kind, set)));
  const file = path.join(dir, `${kind}-${set}.pdf`);
  writeFileSync(file, bytes);
  return { bytes, file };
}

/** Extracted text with line breaks and runs of spaces folded, as a reader would search it. */
function textOf(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

const common = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'ỦY BAN NHÂN DÂN PHƯỜNG PHÚ XUÂN', 'Huế, ngày 05 tháng 3 năm 2026'];

const cases: [FormKind, 'tt03-2025' | 'tt01-2018', string[]][] = [
  ['receipt', 'tt03-2025', ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', 'Mẫu số 01 – Thông tư 03/2025/TT-VPCP', 'Mã hồ sơ: 000.00.25.H33-260305-0007',
    'Nguyễn Thị Hường', 'Số định danh cá nhân/tổ chức: 046190001234', 'Tờ khai đăng ký khai sinh', 'Giấy chứng sinh',
    '3 ngày làm việc', '09 giờ 30 phút, ngày 05/03/2026', '09 giờ 30 phút, ngày 10/03/2026', 'Quyển số: 2026, Số thứ tự: 7',
    'NGƯỜI TIẾP NHẬN HỒ SƠ', 'Lê Văn Tiếp', 'Chữ ký số của người tiếp nhận']],
  ['receipt', 'tt01-2018', ['GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', 'Mẫu số 01 – Thông tư 01/2018/TT-VPCP', 'Bản chứng thực', 'Căn cước của cha, mẹ (xuất trình)', 'Ký và ghi rõ họ tên']],
  ['supplement_request', 'tt03-2025', ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', '1. Bản sao Giấy chứng nhận kết hôn của cha, mẹ', 'Lý do: Hồ sơ thiếu giấy tờ', 'NGƯỜI HƯỚNG DẪN', 'Số: 7/PBPTNTKQ']],
  ['supplement_request', 'tt01-2018', ['PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'Mẫu số 02 – Thông tư 01/2018/TT-VPCP']],
  ['refusal', 'tt03-2025', ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể', 'Ủy ban nhân dân xã Hương Thọ']],
  ['refusal', 'tt01-2018', ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'Mẫu số 03 – Thông tư 01/2018/TT-VPCP']],
  ['apology_extension', 'tt03-2025', ['VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT', 'Kính gửi: Nguyễn Thị Hường', 'mã số hồ sơ 000.00.25.H33-260305-0007',
    'đề nghị gia hạn thời gian giải quyết, hẹn trả kết quả vào ngày 13/03/2026', 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ']],
  ['apology_extension', 'tt01-2018', ['PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', 'hẹn lại thời gian trả kết quả vào 16 giờ 00 phút, ngày 13/03/2026']],
  ['stop_notice', 'tt03-2025', ['THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', 'Mẫu số 05 – Thông tư 03/2025/TT-VPCP', 'chưa có quyết định hoặc văn bản thông báo kết quả giải quyết', 'thông báo dừng giải quyết hồ sơ nêu trên kể từ ngày 06/03/2026']],
];

describe('forms rendered as PDF', () => {
  it.each(cases)('%s (%s): the Vietnamese text is intact, one A5 page, at most 60 KB', async (kind, set, expected) => {
    const { bytes, file } = await renderToFile(kind, set);
    const text = textOf(file);
    for (const phrase of [...common, ...expected]) expect(text).toContain(phrase);
    expect(text).toBe(text.normalize('NFC'));
    const info = pdfInfo(file);
    expect(info.Pages).toBe('1');
    expect(info['Page size']).toMatch(/^419\.5\d* x 595\.2\d* pts/);
    expect(bytes.byteLength).toBeLessThanOrEqual(60 * 1024);
  });

  it('renders the same bytes for the same definition (deterministic output)', async () => {
    const definition = dossierFormDefinition(sampleFormInput('receipt'));
    const a = await renderPdf(definition);
    const b = await renderPdf(definition);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('prints decomposed (NFD) input as composed text', async () => {
    const input = sampleFormInput('refusal');
    const nfd = { ...input, data: { ...input.data, reasons: 'Thiếu giấy tờ chứng minh nơi cư trú'.normalize('NFD') } };
    const file = path.join(dir, 'nfd.pdf');
    writeFileSync(file, await renderPdf(dossierFormDefinition(nfd)));
    expect(textOf(file)).toContain('Thiếu giấy tờ chứng minh nơi cư trú');
  });

  it.each(['tt03-2025', 'tt01-2018'] as const)('control sheet (%s): every hand-over with its timeliness, on A5', async (set) => {
    const file = path.join(dir, `control-sheet-${set}.pdf`);
    writeFileSync(file, await renderPdf(controlSheetDefinition(sampleControlSheetInput(set))));
    const text = textOf(file);
    const number = set === 'tt03-2025' ? '06' : '05';
    for (const phrase of [...common.slice(0, 2), 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', `Mẫu số ${number}`, 'Kèm theo hồ sơ của: Nguyễn Thị Hường',
      'Cơ quan phối hợp giải quyết: Công an phường Phú Xuân', 'Trước hạn', 'Đúng hạn', 'Phòng Văn hóa - Xã hội', 'Việc lưu vết được thực hiện tự động']) {
      expect(text).toContain(phrase);
    }
    expect(pdfInfo(file)['Page size']).toMatch(/^419\.5\d* x 595\.2\d* pts/);
  });

  it.each(['tt03-2025', 'tt01-2018'] as const)('ledger (%s): its columns on A4, a long year runs over pages with the header repeated', async (set) => {
    const file = path.join(dir, `ledger-${set}.pdf`);
    writeFileSync(file, await renderPdf(ledgerDefinition(sampleLedgerInput(set, 60))));
    const text = textOf(file);
    const columns = set === 'tt03-2025'
      ? ['Phương thức nhận kết quả', 'Cơ quan chủ trì giải quyết', 'Hẹn trả kết quả', 'Ký nhận']
      : ['Số lượng hồ sơ (bộ)', 'Chuyển hồ sơ đến cơ quan giải quyết', 'Nhận kết quả từ cơ quan giải quyết'];
    for (const phrase of ['SỔ THEO DÕI HỒ SƠ NĂM 2026', 'Lê Thị Ánh Tuyết', 'Trần Văn Đức', ...columns]) expect(text).toContain(phrase);
    const info = pdfInfo(file);
    expect(info['Page size']).toMatch(/^841\.8\d* x 595\.2\d* pts/);
    expect(Number(info.Pages)).toBeGreaterThan(1);
    expect(text.split('Mã hồ sơ').length - 1).toBe(Number(info.Pages));
  });
});
