import { describe, expect, it } from 'vitest';
import { defaultStatusMapping, dossierStates, isTerminal, nationalStatusOf } from './dossier-state';
import { formFor } from './forms';
import { notifiesApplicant } from './notices';
import { classifyTimeliness } from './timing';

describe('forms by the set in force (legal-spec §5.4, §16.10)', () => {
  const before = new Date('2025-09-14T10:00:00Z');
  const after = new Date('2026-03-02T02:00:00Z');

  it('numbers the control sheet 05 and the ledger 06 under TT 01/2018, 06 and 07 under TT 03/2025', () => {
    expect(formFor('control_sheet', before)).toMatchObject({ set: 'tt01-2018', number: '05' });
    expect(formFor('ledger', before)).toMatchObject({ set: 'tt01-2018', number: '06' });
    expect(formFor('control_sheet', after)).toMatchObject({ set: 'tt03-2025', number: '06' });
    expect(formFor('ledger', after)).toMatchObject({ set: 'tt03-2025', number: '07' });
  });

  it('has a stop notice (Form 05) only under TT 03/2025, and renames Form 04', () => {
    expect(formFor('stop_notice', before).number).toBeNull();
    expect(formFor('stop_notice', after)).toMatchObject({ number: '05', title: 'Thông báo dừng giải quyết hồ sơ' });
    expect(formFor('apology_extension', before).title).toBe('Phiếu xin lỗi và hẹn lại ngày trả kết quả');
    expect(formFor('apology_extension', after).title).toBe('Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết');
  });

  it('uses the local date at the boundary: 17:00 UTC on 14/09/2025 is 15/09 in Việt Nam', () => {
    expect(formFor('receipt', new Date('2025-09-14T16:59:00Z')).set).toBe('tt01-2018');
    expect(formFor('receipt', new Date('2025-09-14T17:00:00Z')).set).toBe('tt03-2025');
  });
});

describe('national status mapping (legal-spec §3.2)', () => {
  it('maps every internal state, table-driven and overridable', () => {
    for (const state of dossierStates) expect(state in defaultStatusMapping).toBe(true);
    expect(nationalStatusOf('submitted')).toBe(1);
    expect(nationalStatusOf('received')).toBe(2);
    expect(nationalStatusOf('processing')).toBe(4);
    expect(nationalStatusOf('in_postal_return')).toBe(9);
    expect(nationalStatusOf('guided')).toBeNull();
    expect(nationalStatusOf('refused_after_appraisal', { ...defaultStatusMapping, refused_after_appraisal: 8 })).toBe(8);
  });

  it('knows which states end a dossier', () => {
    expect(isTerminal('returned')).toBe(true);
    expect(isTerminal('result_ready')).toBe(false);
    expect(isTerminal('stopped')).toBe(true);
  });

  it('notifies the applicant on a change of national status and on an extension only', () => {
    expect(notifiesApplicant({ kind: 'receive', fromStatus: null, toStatus: 2 })).toBe(true);
    expect(notifiesApplicant({ kind: 'complete_step', fromStatus: 4, toStatus: 4 })).toBe(false);
    expect(notifiesApplicant({ kind: 'extend', fromStatus: 4, toStatus: 4 })).toBe(true);
    expect(notifiesApplicant({ kind: 'guide', fromStatus: null, toStatus: null })).toBe(false);
    expect(notifiesApplicant({ kind: 'return_result', fromStatus: 9, toStatus: 9 })).toBe(false);
  });
});

describe('early / on time / late (TT 01/2018 Art. 13)', () => {
  const due = new Date('2026-03-05T09:00:00Z'); // Thu 05/03 16:00 in Huế
  it('is early on an earlier local day, on time on the due day up to the due instant, late after it', () => {
    expect(classifyTimeliness(new Date('2026-03-04T09:00:00Z'), due)).toBe('early');
    expect(classifyTimeliness(new Date('2026-03-05T01:00:00Z'), due)).toBe('on_time');
    expect(classifyTimeliness(due, due)).toBe('on_time');
    expect(classifyTimeliness(new Date('2026-03-05T09:00:01Z'), due)).toBe('late');
  });
  it('compares local dates: 23:30 on the day before (16:30 UTC) is early, 00:30 local on the due day is on time', () => {
    expect(classifyTimeliness(new Date('2026-03-04T16:30:00Z'), due)).toBe('early');
    expect(classifyTimeliness(new Date('2026-03-04T17:30:00Z'), due)).toBe('on_time');
  });
});
