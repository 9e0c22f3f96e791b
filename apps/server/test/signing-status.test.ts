/**
 * The signing status the leader's desk polls after approving a result (GET …/documents/{id}/signing), and the
 * approval's job signing with the approver's personal certificate, then the seal: a result letter drafted and
 * approved before the agency has any certificate is "retrying — no certificate"; once the administrator imports
 * them and the retry is due, it is signed by the leader, then the committee's seal. Scoped like the dossier. The
 * leader's recent approvals (GET /signatures/recent-approvals) list it, for the desk to follow after a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueSigningCertificate, type Credential } from '@motcua/adapters/signatures';
import { buildJobHandlers } from '../src/jobs/handlers';
import { createJobRunner } from '../src/jobs/job-runner';
import { storeCertificate } from '../src/signatures/signature.services';
import { createTestApp, type TestApp } from '../../../test-support/app';
import {
  agencyIdOf,
  counterDossier,
  longSessions,
  officerOf,
  PHU_XUAN_COMMITTEE,
  PHU_XUAN_DESK,
  procedureRef,
  seedHue,
  type ApiUser,
} from '../../../test-support/dossier-api';

describe('signing status of an approved result', () => {
  let t: TestApp;
  let now = new Date('2026-03-02T02:00:00Z');
  const clock = { now: () => now };
  let desk: string;
  let committee: string;
  let reception: ApiUser;
  let specialist: ApiUser;
  let head: ApiUser;
  let leader: ApiUser;
  let outsider: ApiUser;

  beforeAll(async () => {
    t = await createTestApp({ config: longSessions, clock });
    await seedHue(t);
    [desk, committee] = await Promise.all([agencyIdOf(t, PHU_XUAN_DESK), agencyIdOf(t, PHU_XUAN_COMMITTEE)]);
    [reception, specialist, head, leader, outsider] = await Promise.all([
      officerOf(t, [{ role: 'reception_officer', agencyCode: PHU_XUAN_DESK }], 'Lê Tiếp Nhận'),
      officerOf(t, [{ role: 'specialist', agencyCode: PHU_XUAN_COMMITTEE }], 'Phan Chuyên Viên'),
      officerOf(t, [{ role: 'department_head', agencyCode: PHU_XUAN_COMMITTEE }], 'Võ Trưởng Phòng'),
      officerOf(t, [{ role: 'agency_leader', agencyCode: PHU_XUAN_COMMITTEE }], 'Hồ Lãnh Đạo'),
      officerOf(t, [{ role: 'specialist', agencyCode: '000.00.30.H57' }], 'Người Ngoài'),
    ]);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  async function call(user: ApiUser, method: 'GET' | 'POST', url: string, payload?: object) {
    return t.app.inject({ method, url: `/api/v1${url}`, headers: await user.headers(), ...(payload ? { payload } : {}) });
  }
  async function ok(user: ApiUser, url: string, payload: object = {}) {
    const res = await call(user, 'POST', url, payload);
    expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  }
  async function workStep(id: string, officer: ApiUser) {
    const d = (await call(officer, 'GET', `/dossiers/${id}`)).json();
    const step = (d.steps as { id: string; status: string }[]).find((s) => s.status === 'active')!;
    await ok(officer, `/dossiers/${id}/steps/${step.id}/claim`);
    await ok(officer, `/dossiers/${id}/steps/${step.id}/completion`, { note: 'xong' });
  }
  const runJobs = () => createJobRunner({ db: t.db, clock, handlers: buildJobHandlers({ ...t, clock }), onlyRegisteredTopics: true }).runOnce();

  it('says not requested, retrying for want of a certificate, then signed by the leader and the seal', async () => {
    const birth = await procedureRef(t, '1.001193');
    const received = await ok(reception, '/dossiers', counterDossier(birth, desk));
    await ok(reception, `/dossiers/${received.id}/transfer`, {});
    for (const officer of [specialist, head]) await workStep(received.id, officer);
    const draft = await ok(specialist, `/dossiers/${received.id}/results/documents`, { template: 'result_letter', resultText: 'Cấp Giấy khai sinh.' });
    const statusUrl = `/dossiers/${received.id}/documents/${draft.id}/signing`;
    const status = async () => {
      const res = await call(leader, 'GET', statusUrl);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect(await status()).toMatchObject({ state: 'not_requested', signedUrl: null });

    await ok(leader, `/dossiers/${received.id}/documents/${draft.id}/approval`);
    expect(await status()).toMatchObject({ state: 'queued', attempts: 0, problem: null });

    await runJobs();
    const retrying = await status();
    expect(retrying).toMatchObject({ state: 'retrying', attempts: 1, problem: 'no_certificate', signedUrl: null });
    expect(new Date(retrying.nextAttemptAt).getTime()).toBeGreaterThan(now.getTime());
    expect(JSON.stringify(retrying)).not.toContain(committee); // the job's error text (it names the agency) stays inside

    const validity = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2029-01-01T00:00:00Z') };
    const ca: Credential = await createCertificateAuthority({ subject: { commonName: 'Test Root CA (signing status)' }, ...validity });
    const system = { kind: 'system', name: 'test' } as const;
    for (const [purpose, commonName, holderUserId] of [
      ['seal', 'UBND phường Phú Xuân', null],
      ['personal', 'Hồ Lãnh Đạo', leader.userId],
    ] as const) {
      const credential = await issueSigningCertificate(ca, { subject: { commonName, organization: 'UBND phường Phú Xuân' }, ...validity });
      await storeCertificate(t, { actor: system, now }, { agencyId: committee, purpose, holderUserId, credential });
    }
    now = new Date(now.getTime() + 10 * 60_000); // past the back-off
    await runJobs();
    const signed = await status();
    expect(signed).toMatchObject({
      state: 'signed',
      problem: null,
      signedUrl: `/api/v1/dossiers/${received.id}/documents/${draft.id}/signed`,
      signers: [
        { purpose: 'personal', commonName: 'Hồ Lãnh Đạo' },
        { purpose: 'seal', commonName: 'UBND phường Phú Xuân' },
      ],
    });
    expect((await call(leader, 'GET', signed.signedUrl.replace('/api/v1', ''))).statusCode).toBe(200);

    // scoped like the dossier: an officer of another agency gets the same 404 as for an absent document
    const hidden = await call(outsider, 'GET', statusUrl);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers['content-type']).toContain('application/problem+json');

    // the leader's recent approvals, from the server (a reloaded desk follows their signing): mine only
    const recent = async (user: ApiUser, query = '') => {
      const res = await call(user, 'GET', `/signatures/recent-approvals${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as { documentId: string; dossierId: string; dossierCode: string; title: string; approvedAt: string }[];
    };
    expect(await recent(leader)).toEqual([
      { documentId: draft.id, dossierId: received.id, dossierCode: received.code, title: draft.title, approvedAt: expect.any(String) },
    ]);
    expect(await recent(head)).toEqual([]);
    expect(await recent(outsider)).toEqual([]);
    now = new Date(now.getTime() + 25 * 3_600_000); // a day later: no longer recent, unless asked further back
    expect(await recent(leader)).toEqual([]);
    expect((await recent(leader, '?hours=48')).map((r) => r.documentId)).toEqual([draft.id]);
    expect((await call(leader, 'GET', '/signatures/recent-approvals?hours=0')).statusCode).toBe(400);
  });
});
