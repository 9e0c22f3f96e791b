/**
 * The fields the office draft editor gained: competent agency and receiving desks (only agencies in the
 * administrator's scope may be newly named), the source, fee exemptions, and form templates (uploaded to the
 * content store, linked from a required document, downloadable by anyone once uploaded).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, buildProcedureContent } from '@motcua/core/catalog';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { createOfficer, seedTestOrganization, signIn, type SignedInHeaders } from '../../../test-support/identity';

const { workflows: _w, id: _caseId, ...caseBody } = buildCase({ workflows: [] });
const pdf = Buffer.from('%PDF-1.4\n% mẫu tờ khai\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'utf8');

describe('editing agencies, desks, source, exemptions and form templates', () => {
  let t: TestApp;
  let admin: SignedInHeaders;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    await seedTestOrganization(t.db);
    // A ward's administrator: the ward's people's committee, its service centre and desk — not the city's departments.
    admin = await signIn(
      t,
      await createOfficer(t.db, { roles: [{ role: 'system_administrator', agencyCode: '000.00.40.H57', includeSubAgencies: true }] }),
    );
    const rows = await t.db.query<{ id: string; code: string }>(
      "SELECT id, code FROM agency WHERE code IN ('000.00.40.H57', '000.01.40.H57', '001.01.40.H57', '000.00.01.H57')",
    );
    ids = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: SignedInHeaders | Record<string, string> = admin) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  it('lists only the agencies in the administrator’s scope, as a tree', async () => {
    const res = await call('GET', '/admin/catalog/agencies');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { code: string; depth: number }[];
    expect(items.map((i) => [i.code, i.depth])).toEqual([
      ['000.00.40.H57', 0],
      ['000.01.40.H57', 1],
      ['001.01.40.H57', 2],
    ]);
    expect((await t.app.inject('/api/v1/admin/catalog/agencies')).statusCode).toBe(401);
  });

  it('edits every field, refuses what is out of scope or broken, and the published version shows them', async () => {
    const draft = (await call('POST', '/admin/procedure-drafts', { code: '1.009001', content: buildProcedureContent({ cases: [] }) })).json();
    const { cases: _cases, ...general } = buildProcedureContent();
    const committee = { kind: 'agency', agencyId: ids['000.00.40.H57'], name: 'Ủy ban nhân dân phường Phú Xuân' };
    const desk = { kind: 'agency', agencyId: ids['001.01.40.H57'], name: 'Bộ phận tiếp nhận và trả kết quả — TTPVHCC Phường Phú Xuân' };

    // A department of the city is outside a ward administrator's scope: refused, with where.
    const outside = await call('PUT', `/admin/procedure-drafts/${draft.id}`, {
      rowVersion: 1,
      general: { ...general, competentAgency: { kind: 'agency', agencyId: ids['000.00.01.H57'], name: 'Sở Tư pháp' } },
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({ code: 'PROCEDURE_CONTENT_INVALID', details: { issues: [{ path: 'general.competentAgency' }] } });

    const twice = await call('PUT', `/admin/procedure-drafts/${draft.id}`, { rowVersion: 1, general: { ...general, receivingDesks: [desk, desk] } });
    expect(twice.json()).toMatchObject({ code: 'PROCEDURE_CONTENT_INVALID', details: { issues: [{ path: 'general.receivingDesks[1]' }] } });

    // A link a citizen would follow must be http(s): javascript: is refused at the boundary, with the field.
    const script = await call('PUT', `/admin/procedure-drafts/${draft.id}`, {
      rowVersion: 1,
      general: { ...general, source: { url: 'javascript:alert(1)', note: null } },
    });
    expect(script.statusCode).toBe(400);
    expect(script.json().errors).toEqual([expect.objectContaining({ field: 'body.general.source.url' })]);

    const saved = await call('PUT', `/admin/procedure-drafts/${draft.id}`, {
      rowVersion: 1,
      general: {
        ...general,
        competentAgency: committee,
        receivingDesks: [desk],
        source: { url: 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.009001', note: 'Tra cứu 2026-11-28' },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().content).toMatchObject({ competentAgency: committee, receivingDesks: [desk], source: { note: 'Tra cứu 2026-11-28' } });

    // Form template: only PDF, DOCX or XLSX, judged by content; anonymous callers are refused before the body is read.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/admin/catalog/form-templates', payload: {} })).statusCode).toBe(401);
    const text = await call('POST', '/admin/catalog/form-templates', { fileName: 'to-khai.pdf', contentBase64: Buffer.from('not a pdf').toString('base64') });
    expect([text.statusCode, text.json().code]).toEqual([422, 'CATALOG_FORM_TEMPLATE_INVALID']);
    const uploaded = await call('POST', '/admin/catalog/form-templates', { fileName: 'Tờ khai đăng ký.pdf', contentBase64: pdf.toString('base64') });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const template = uploaded.json();
    expect(template).toMatchObject({ url: `/api/v1/form-templates/${template.id}`, mediaType: 'application/pdf', sizeBytes: pdf.length });

    const withCase = (fees: unknown, templates: unknown, rowVersion: number) =>
      call('PUT', `/admin/procedure-drafts/${draft.id}/cases/mac-dinh`, {
        rowVersion,
        case: {
          ...caseBody,
          fees: [{ ...caseBody.fees[0], exemptions: fees }],
          documents: [{ ...caseBody.documents[0], formTemplates: templates }],
        },
      });
    const blank = await withCase(['  '], [], 2);
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].field).toBe('body.case.fees.0.exemptions.0');
    const unknown = await withCase([], [{ name: 'Tờ khai', url: '/api/v1/form-templates/00000000-0000-4000-8000-000000000000' }], 2);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().details.issues).toEqual([expect.objectContaining({ path: 'case.documents[0].formTemplates[0].url' })]);

    const exemptions = ['Trẻ em dưới 6 tuổi', 'Người thuộc hộ nghèo'];
    const templates = [{ name: 'Tờ khai đăng ký khai sinh', url: template.url }, { name: 'Mẫu trên Cổng quốc gia', url: 'https://dichvucong.gov.vn/mau.docx' }];
    const caseSaved = await withCase(exemptions, templates, 2);
    expect(caseSaved.statusCode, caseSaved.body).toBe(200);
    expect((await call('POST', `/admin/procedure-drafts/${draft.id}/submit`, { rowVersion: 3 })).statusCode).toBe(200);
    const published = await call('POST', `/admin/procedure-drafts/${draft.id}/publish`, { rowVersion: 4, effectiveFrom: '2026-01-01' });
    expect(published.statusCode, published.body).toBe(201);

    const page = (await t.app.inject('/api/v1/procedures/1.009001')).json();
    expect(page.content).toMatchObject({ competentAgency: committee, receivingDesks: [desk] });
    expect(page.content.cases[0].fees[0].exemptions).toEqual(exemptions);
    expect(page.content.cases[0].documents[0].formTemplates).toEqual(templates);
    const byDesk = (await t.app.inject(`/api/v1/procedures?agency=001.01.40.H57`)).json();
    expect(byDesk.items.map((i: { code: string }) => i.code)).toContain('1.009001');

    const download = await t.app.inject(template.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''T%E1%BB%9D%20khai");
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await t.app.inject('/api/v1/form-templates/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    const audit = await t.db.query<{ action: string; summary: { sha256?: string; changes?: string[] } }>(
      "SELECT action, summary FROM audit_event WHERE action IN ('catalog.form_template.upload', 'catalog.draft.revise') AND (target_id = $1 OR target_id = $2) ORDER BY seq",
      [draft.id, template.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['catalog.draft.revise', 'catalog.form_template.upload', 'catalog.draft.revise']);
    expect(audit[1]?.summary.sha256).toBe(template.sha256);
  });
});
