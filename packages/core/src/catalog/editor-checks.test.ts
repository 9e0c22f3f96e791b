import { describe, expect, it } from 'vitest';
import { buildCase, buildProcedureContent } from './builders';
import { agencyScopeIssues, formTemplateIdOf, formTemplatePath, isSafeLink, referencedFormTemplates } from './editor-checks';
import { validateProcedureContent } from './validate-procedure';

const mine = '11111111-1111-4111-8111-111111111111';
const theirs = '22222222-2222-4222-8222-222222222222';
const agency = (agencyId: string) => ({ kind: 'agency' as const, agencyId, name: agencyId });

describe('links a citizen may follow', () => {
  it('accepts http(s) addresses and our uploaded templates, nothing else', () => {
    expect(isSafeLink('https://dichvucong.gov.vn/p/home?ma=1.001193')).toBe(true);
    expect(isSafeLink('http://hue.gov.vn')).toBe(true);
    expect(isSafeLink(formTemplatePath(mine))).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'https://', 'https://a b', '/api/v1/form-templates/x', '//evil.example']) {
      expect(isSafeLink(bad), bad).toBe(false);
    }
  });

  it('finds the uploaded templates a case links to, with where', () => {
    const c = buildCase();
    const withTemplates = {
      documents: [{ ...c.documents[0]!, formTemplates: [{ name: 'a', url: 'https://x.vn/a.docx' }, { name: 'b', url: formTemplatePath(mine) }] }],
    };
    expect(formTemplateIdOf(formTemplatePath(mine))).toBe(mine);
    expect(referencedFormTemplates(withTemplates)).toEqual([{ path: 'case.documents[0].formTemplates[1].url', id: mine }]);
  });

  it('refuses a javascript: source or template link and a blank exemption in content from any route (imports too)', () => {
    const c = buildCase();
    const content = buildProcedureContent({
      source: { url: 'javascript:alert(1)', note: null },
      cases: [
        {
          ...c,
          fees: [{ ...c.fees[0]!, exemptions: [' '] }],
          documents: [{ ...c.documents[0]!, formTemplates: [{ name: 'Tờ khai', url: 'javascript:x' }] }],
        },
      ],
    });
    expect(validateProcedureContent(content, { forPublication: false }).map((i) => i.path)).toEqual([
      'source.url',
      'cases[mac-dinh].fees[0].exemptions[0]',
      'cases[mac-dinh].documents[0].formTemplates[0].url',
    ]);
  });
});

describe('agencies an administrator may name', () => {
  const before = { competentAgency: agency(theirs), receivingDesks: [] };
  it('keeps what the draft already names, even outside the scope', () => {
    expect(agencyScopeIssues(before, { competentAgency: agency(theirs), receivingDesks: [agency(mine)] }, [mine])).toEqual([]);
  });
  it('refuses newly naming an agency outside the scope, and a desk listed twice', () => {
    const next = { competentAgency: agency(mine), receivingDesks: [agency(mine), agency(mine), agency('33333333-3333-4333-8333-333333333333')] };
    expect(agencyScopeIssues({ competentAgency: agency(mine), receivingDesks: [] }, next, [mine]).map((i) => i.path)).toEqual([
      'general.receivingDesks[2]',
      'general.receivingDesks[1]',
    ]);
  });
});
