import { describe, expect, it } from 'vitest';
import { buildCase, buildProcedureContent, buildWorkflow } from './builders';
import { canonicalJson, sameContent } from './canonical';
import { changedSections, diffContent } from './version-diff';

describe('version diff', () => {
  const v1 = buildProcedureContent();

  it('finds nothing between equal contents, whatever the key order or Unicode form', () => {
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]))
          : v;
    const reordered = reverseKeys(v1);
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(v1));
    expect(diffContent(v1, reordered)).toEqual([]);
    expect(sameContent(v1, { ...v1, name: v1.name.normalize('NFD') })).toBe(true);
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: undefined }] })).toBe('{"a":[2,{"d":1}],"b":1}');
  });

  it('names changed, added and removed parts with readable paths', () => {
    const baseCase = v1.cases[0]!;
    const v2 = buildProcedureContent({
      name: 'Đăng ký khai sinh',
      cases: [
        {
          ...baseCase,
          processingTimes: [{ ...baseCase.processingTimes[0]!, amount: 2 }],
          fees: [{ ...baseCase.fees[0]!, amountVnd: 10000 }],
          documents: [],
        },
        buildCase({ id: 'qua-han', name: 'Đăng ký khai sinh quá hạn' }),
      ],
    });
    const changes = diffContent(v1, v2);
    expect(changes.map((c) => `${c.kind} ${c.path}`)).toEqual([
      'removed cases[mac-dinh].documents["Tờ khai theo mẫu"]',
      'changed cases[mac-dinh].fees["Lệ phí đăng ký"].amountVnd',
      'changed cases[mac-dinh].processingTimes[0].amount',
      'added cases[qua-han]',
      'changed name',
    ]);
    expect(changes.find((c) => c.path === 'name')).toMatchObject({ before: 'Thủ tục đăng ký khai sinh', after: 'Đăng ký khai sinh' });
    expect(changedSections(changes)).toEqual(['cases[mac-dinh]', 'cases[qua-han]', 'name']);
  });

  it('matches workflow steps by id, so a changed budget is one change', () => {
    const v2 = buildProcedureContent({ cases: [buildCase({ workflows: [buildWorkflow([1, 3, 2, 1, 1])] })] });
    expect(diffContent(v1, v2)).toEqual([
      { path: 'cases[mac-dinh].workflows[chuan].steps[tham-dinh].budgetHours', kind: 'changed', before: 4, after: 3 },
      { path: 'cases[mac-dinh].workflows[chuan].steps[xem-xet].budgetHours', kind: 'changed', before: 1, after: 2 },
    ]);
  });

  it('reports a removed case and reordered cases', () => {
    const two = buildProcedureContent({ cases: [buildCase(), buildCase({ id: 'khac' })] });
    const swapped = buildProcedureContent({ cases: [buildCase({ id: 'khac' }), buildCase()] });
    expect(diffContent(two, swapped).map((c) => c.path)).toEqual(['cases#order']);
    expect(diffContent(two, v1).map((c) => `${c.kind} ${c.path}`)).toEqual(['removed cases[khac]']);
  });
});
