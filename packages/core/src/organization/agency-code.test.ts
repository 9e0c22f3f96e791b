import { describe, expect, it } from 'vitest';
import { checkAgencyCode, parseAgencyCode } from './agency-code';

describe('agency codes (QCVN 102:2016 and QĐ 20/2020/QĐ-TTg)', () => {
  it.each([
    ['000.00.00.H57', 'qcvn102', 'H57'],
    ['000.00.07.H57', 'qcvn102', 'H57'],
    ['001.01.40.H57', 'qcvn102', 'H57'],
    ['H57', 'qd20', 'H57'],
    ['H57.12.05', 'qd20', 'H57'],
    ['G01.1.ABC', 'qd20', 'G01'],
  ])('accepts %s as %s', (code, form, levelOne) => {
    const result = parseAgencyCode(code);
    expect(result).toEqual({ ok: true, value: { code, form, levelOneCode: levelOne } });
  });

  it.each([
    ['', 'empty'],
    ['H57.' + '1'.repeat(32), 'too-long'],
    ['000.00.00.h57', 'characters'],
    ['000-00-00-H57', 'characters'],
    ['H57..12', 'empty-group'],
    ['.H57', 'empty-group'],
    ['000.00.00.Z57', 'form'], // Z is reserved for other schemes, not a level-1 unit
    ['00.00.H57', 'form'], // a QCVN code has exactly four groups, 3-2-2-3
    ['12345', 'form'],
  ])('rejects %j (%s)', (code, problem) => {
    expect(checkAgencyCode(code)).toBe(problem);
    const result = parseAgencyCode(code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'AGENCY_CODE_INVALID', details: { field: 'code', problem } });
  });

  it('allows exactly 35 characters', () => {
    expect(checkAgencyCode('H57.' + '1'.repeat(31))).toBeNull();
  });
});
