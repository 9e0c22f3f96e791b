/**
 * An online dossier whose desk asked for a supplement after reception holds two Forms 01 (Giấy tiếp nhận hồ sơ và
 * hẹn trả kết quả): the one of the reception and the one re-issued with the new appointment when the supplement
 * came (NĐ 61 Art. 19(4): the time limit starts again). Both are legitimate documents; the citizen's list must say
 * which is which and that the first no longer holds.
 */
import { describe, expect, it } from 'vitest';
import { describeIssuedDocuments } from './issued-documents';

const receipt = (id: string, eventId: string, createdAt: string) => ({ id, kind: 'receipt' as const, title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', eventId, createdAt, replacedBy: null });
const events = [
  { id: 'e-submit', kind: 'submit', at: '2026-03-02T02:00:00.000Z' },
  { id: 'e-receive', kind: 'receive', at: '2026-03-02T03:00:00.000Z' },
  { id: 'e-request', kind: 'request_supplement', at: '2026-03-03T02:00:00.000Z' },
  { id: 'e-supplement', kind: 'provide_supplement', at: '2026-03-04T02:00:00.000Z' },
];

describe('the issued documents of a dossier as the citizen reads them', () => {
  it('tells the reception’s Form 01 from the one re-issued after the supplement, the first marked as replaced', () => {
    const items = [
      receipt('d1', 'e-receive', '2026-03-02T03:00:01.000Z'),
      { id: 'd2', kind: 'supplement_request' as const, title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', eventId: 'e-request', createdAt: '2026-03-03T02:00:01.000Z', replacedBy: null },
      receipt('d3', 'e-supplement', '2026-03-04T02:00:01.000Z'),
    ];
    const described = describeIssuedDocuments(items, events);
    expect(described.map((d) => [d.document.id, d.occasion, d.replaced])).toEqual([
      ['d1', 'reception', true],
      ['d2', null, false],
      ['d3', 'supplement', false],
    ]);
    expect(described[0]!.occasionAt).toBe('2026-03-02T03:00:00.000Z');
    expect(described[2]!.occasionAt).toBe('2026-03-04T02:00:00.000Z');
  });

  it('goes by the issuing events, not by when the files were rendered (both may be rendered in one job run, in any order)', () => {
    const items = [
      receipt('d3', 'e-supplement', '2026-03-04T02:00:01.000Z'),
      { id: 'd2', kind: 'supplement_request' as const, title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', eventId: 'e-request', createdAt: '2026-03-04T02:00:01.100Z', replacedBy: null },
      receipt('d1', 'e-receive', '2026-03-04T02:00:01.200Z'),
    ];
    const described = describeIssuedDocuments(items, events);
    expect(described.map((d) => [d.document.id, d.occasion, d.replaced])).toEqual([
      ['d1', 'reception', true],
      ['d2', null, false],
      ['d3', 'supplement', false],
    ]);
  });

  it('says nothing more of a single Form 01, and leaves out results replaced by a newer draft', () => {
    const items = [receipt('d1', 'e-receive', '2026-03-02T03:00:01.000Z'), { id: 'r1', kind: 'result' as const, title: 'Kết quả', eventId: null, createdAt: '2026-03-05T02:00:00.000Z', replacedBy: 'r2' }];
    const described = describeIssuedDocuments(items, events);
    expect(described.map((d) => [d.document.id, d.occasion, d.replaced])).toEqual([['d1', 'reception', false]]);
  });
});
