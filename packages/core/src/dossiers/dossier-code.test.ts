import { describe, expect, it } from 'vitest';
import {
  centralFormat2026,
  formatDossierCode,
  isDossierCode,
  localDateOf,
  selectCodeFormat,
  tt01Format,
  type DossierCodeInput,
} from './dossier-code';

const input = (overrides: Partial<DossierCodeInput> = {}): DossierCodeInput => ({
  receivingUnitCode: '000.00.07.H57',
  decidingAgencyCode: 'H57.001.01',
  receivedAt: new Date('2026-03-02T02:00:00Z'),
  isCentrallyProvided: false,
  centralSystemDigits: null,
  ...overrides,
});

describe('dossier code', () => {
  it('uses the local Việt Nam date: 17:30 UTC on 1 March is already 2 March in Huế', () => {
    expect(localDateOf(new Date('2026-03-01T16:59:59Z'))).toBe('2026-03-01');
    expect(localDateOf(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    const i = input({ receivedAt: new Date('2026-03-01T17:30:00Z') });
    expect(tt01Format.prefix(i)).toBe('000.00.07.H57-260302-');
  });

  it('formats TT 01/2018 codes with four digits, growing to five past 9,999 instead of failing', () => {
    const prefix = tt01Format.prefix(input());
    expect(formatDossierCode(prefix, 1)).toBe('000.00.07.H57-260302-0001');
    expect(formatDossierCode(prefix, 9999)).toBe('000.00.07.H57-260302-9999');
    expect(formatDossierCode(prefix, 10000)).toBe('000.00.07.H57-260302-10000');
    expect(() => formatDossierCode(prefix, 0)).toThrow();
  });

  it('selects the TT 04/2025 central format only for centrally provided services, from 25/01/2026, when configured', () => {
    const central = input({ isCentrallyProvided: true, centralSystemDigits: '01' });
    expect(selectCodeFormat(central).id).toBe(centralFormat2026.id);
    expect(formatDossierCode(centralFormat2026.prefix(central), 12)).toBe('H57.001.01-260302-010012');
    // before its effective date, and without the configured AA digits, the TT 01/2018 format stays
    expect(selectCodeFormat({ ...central, receivedAt: new Date('2026-01-24T10:00:00Z') }).id).toBe('tt01-2018');
    expect(selectCodeFormat({ ...central, centralSystemDigits: null }).id).toBe('tt01-2018');
    expect(selectCodeFormat(input()).id).toBe('tt01-2018');
  });

  it('lets a deployment plug in a later format with its own effective dates', () => {
    const future = { ...tt01Format, id: 'future', effectiveFrom: '2027-01-01', prefix: () => 'X-' };
    expect(selectCodeFormat(input(), [future, tt01Format]).id).toBe('tt01-2018');
    expect(selectCodeFormat(input({ receivedAt: new Date('2027-01-01T00:00:00Z') }), [future, tt01Format]).id).toBe('future');
  });

  it('recognises codes of both formats and nothing else', () => {
    expect(isDossierCode('000.00.07.H57-260302-0001')).toBe(true);
    expect(isDossierCode('000.00.07.H57-260302-12345')).toBe(true);
    expect(isDossierCode('H57.001.01-260302-010012')).toBe(true);
    expect(isDossierCode('000.00.07.H57-260302-001')).toBe(false);
    expect(isDossierCode("1' OR 1=1")).toBe(false);
  });
});
