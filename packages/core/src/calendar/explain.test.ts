import { describe, expect, it } from 'vitest';
import { nationalDecisions2026 } from './decisions';
import { explainDueTime } from './explain';
import { LegalClock, type DueTimeInput, type TimeLimit } from './legal-clock';
import { parseInstant } from './local-time';
import { WorkCalendar } from './work-calendar';

const clock = new LegalClock(WorkCalendar.of({ decisions: nationalDecisions2026 }));

function explain(receivedAt: string, limit: TimeLimit, pauses?: DueTimeInput['pauses']): string[] {
  const input = { receivedAt: new Date(parseInstant(receivedAt)!), limit, pauses };
  const due = clock.dueTime(input);
  if (!due.ok) throw new Error(due.error.message);
  return explainDueTime(clock, input, due.value);
}

describe('explanations in Vietnamese', () => {
  it('explains the Giỗ Tổ example: start after the weekend, each skipped day with its reason', () => {
    expect(explain('2026-04-25T20:00:00+07:00', { amount: 1, unit: 'working-days' })).toEqual([
      'Tiếp nhận lúc 20:00 thứ Bảy, 25/04/2026.',
      'Tiếp nhận ngoài giờ làm việc (ngày nghỉ cuối tuần): thời hạn bắt đầu tính từ 07:00 thứ Ba, 28/04/2026.',
      'Thời hạn giải quyết: 1 ngày làm việc, tức 8 giờ làm việc, chỉ tính trong giờ làm việc (07:00–11:30, 13:30–17:00).',
      'Không tính thứ Bảy, 25/04/2026: ngày nghỉ cuối tuần.',
      'Không tính Chủ nhật, 26/04/2026 (ngày lễ, trùng ngày nghỉ cuối tuần): Giỗ Tổ Hùng Vương (mùng 10 tháng Ba âm lịch) — ' +
        'Bộ luật Lao động 2019, Điều 112 khoản 1 điểm e.',
      'Không tính thứ Hai, 27/04/2026 (ngày nghỉ bù): Nghỉ bù Giỗ Tổ Hùng Vương (mùng 10 tháng Ba âm lịch) rơi vào ' +
        'Chủ nhật, 26/04/2026 — Bộ luật Lao động 2019, Điều 111 khoản 3.',
      'Hạn giải quyết, trả kết quả: 17:00 thứ Ba, 28/04/2026.',
    ]);
  });

  it('names the decision of a swapped day off and of a make-up working Saturday', () => {
    const lines = explain('2025-12-31T16:00:00+07:00', { amount: 6, unit: 'working-days' });
    expect(lines).toContain(
      'Không tính thứ Sáu, 02/01/2026 (ngày nghỉ hoán đổi): Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026) — ' +
        'Hoán đổi ngày làm việc dịp Tết Dương lịch 2026, Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ.',
    );
    expect(lines).toContain(
      'Tính thứ Bảy, 10/01/2026 là ngày làm việc: Làm bù cho ngày nghỉ thứ Sáu 02/01/2026 — ' +
        'Hoán đổi ngày làm việc dịp Tết Dương lịch 2026, Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ.',
    );
    expect(lines).toContain('Không tính thứ Bảy, 03/01/2026 và Chủ nhật, 04/01/2026: ngày nghỉ cuối tuần.');
    expect(lines.at(-1)).toBe('Hạn giải quyết, trả kết quả: 16:00 thứ Bảy, 10/01/2026.');
  });

  it('lists the Tết days by their lunar names', () => {
    const lines = explain('2026-02-12T10:00:00+07:00', { amount: 5, unit: 'working-days' });
    expect(lines).toContain(
      'Không tính thứ Hai, 16/02/2026 (ngày lễ): Tết Nguyên đán (29 tháng Chạp năm Ất Tỵ) — Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b.',
    );
    expect(lines.filter((l) => l.includes('Tết Nguyên đán'))).toHaveLength(5);
    expect(lines[1]).toBe('Thời hạn bắt đầu tính ngay từ lúc tiếp nhận (trong giờ làm việc).');
  });

  it('says why the clock waited: lunch, before opening, after closing', () => {
    expect(explain('2026-03-03T12:00:00+07:00', { amount: 1, unit: 'working-hours' })[1]).toBe(
      'Tiếp nhận ngoài giờ làm việc (giờ nghỉ giữa hai buổi làm việc): thời hạn bắt đầu tính từ 13:30 thứ Ba, 03/03/2026.',
    );
    expect(explain('2026-03-03T06:00:00+07:00', { amount: 1, unit: 'working-hours' })[1]).toContain('(trước giờ làm việc)');
    expect(explain('2026-03-03T18:00:00+07:00', { amount: 1, unit: 'working-hours' })[1]).toContain('(sau giờ làm việc)');
  });

  it('explains calendar days and the move to the next working day', () => {
    expect(explain('2026-04-28T09:00:00+07:00', { amount: 3, unit: 'calendar-days' })).toEqual([
      'Tiếp nhận lúc 09:00 thứ Ba, 28/04/2026.',
      'Thời hạn giải quyết: 3 ngày (tính cả ngày nghỉ), hết hạn vào cuối giờ làm việc của ngày thứ 3 sau ngày tiếp nhận, ' +
        'hoặc của ngày làm việc kế tiếp nếu ngày đó là ngày nghỉ.',
      'Ngày thứ 3 sau ngày tiếp nhận: thứ Sáu, 01/05/2026.',
      'Không tính thứ Sáu, 01/05/2026 (ngày lễ): Ngày Quốc tế Lao động — Bộ luật Lao động 2019, Điều 112 khoản 1 điểm d.',
      'Không tính thứ Bảy, 02/05/2026 và Chủ nhật, 03/05/2026: ngày nghỉ cuối tuần.',
      'Hạn giải quyết, trả kết quả: 17:00 thứ Hai, 04/05/2026.',
    ]);
  });

  it('mentions pauses and counts weekends instead of listing them over long limits', () => {
    const pause = { from: new Date(parseInstant('2026-03-03T10:00:00+07:00')!), to: new Date(parseInstant('2026-03-04T10:00:00+07:00')!) };
    expect(explain('2026-03-02T09:00:00+07:00', { amount: 2, unit: 'working-days' }, [pause])).toContain(
      'Tạm dừng tính thời hạn từ 10:00 thứ Ba, 03/03/2026 đến 10:00 thứ Tư, 04/03/2026: thời gian này không được tính.',
    );
    const long = explain('2026-03-02T09:00:00+07:00', { amount: 130, unit: 'working-days' });
    expect(long.some((l) => /^Không tính \d+ ngày nghỉ cuối tuần/.test(l))).toBe(true);
    expect(long.some((l) => l.includes('Giỗ Tổ Hùng Vương'))).toBe(true);
    expect(long.some((l) => l.startsWith('Tính thứ Bảy, 22/08/2026'))).toBe(true);
  });
});
