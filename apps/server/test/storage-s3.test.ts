/**
 * The content store on an S3-compatible object store (MOTCUA_STORAGE_DRIVER=s3): configuration refuses an
 * incomplete set of keys, and a dossier attachment uploaded through the API lands in the bucket under its SHA-256
 * and downloads intact. The object store is a fake speaking the S3 protocol over HTTP (test-support/s3-fake.ts).
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createTestApp, type TestApp } from '../../../test-support/app';
import { agencyIdOf, citizenOf, longSessions, onlineDossier, PHU_XUAN_DESK, procedureRef, seedHue } from '../../../test-support/dossier-api';
import { multipart, pdfBytes } from '../../../test-support/files';
import { startFakeS3, type FakeS3 } from '../../../test-support/s3-fake';

const credentials = { accessKeyId: 'MOTCUAS3KEY', secretAccessKey: 'motcua-s3-secret', region: 'vn-hue-1' };

describe('content store on S3', () => {
  it('refuses driver s3 without its endpoint, bucket and keys, naming each missing key', () => {
    const result = loadConfig({ MOTCUA_STORAGE_DRIVER: 's3', MOTCUA_S3_BUCKET: 'b' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.join('\n')).toMatch(/MOTCUA_S3_ENDPOINT/);
      expect(result.problems.join('\n')).toMatch(/MOTCUA_S3_ACCESS_KEY_ID/);
      expect(result.problems.join('\n')).not.toMatch(/MOTCUA_S3_BUCKET/);
    }
    expect(loadConfig({ MOTCUA_STORAGE_DRIVER: 'ftp' }).ok).toBe(false);
  });

  describe('through the API', () => {
    let s3: FakeS3;
    let t: TestApp;
    beforeAll(async () => {
      s3 = await startFakeS3({ bucket: 'motcua', ...credentials });
      t = await createTestApp({
        config: {
          ...longSessions,
          MOTCUA_STORAGE_DRIVER: 's3',
          MOTCUA_S3_ENDPOINT: s3.endpoint,
          MOTCUA_S3_BUCKET: 'motcua',
          MOTCUA_S3_REGION: credentials.region,
          MOTCUA_S3_ACCESS_KEY_ID: credentials.accessKeyId,
          MOTCUA_S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
          MOTCUA_S3_PREFIX: 'files/',
        },
      });
      await seedHue(t);
    });
    afterAll(async () => {
      await t.close();
      await s3.close();
    });

    it('keeps an uploaded attachment in the bucket under its SHA-256 and serves it back intact', async () => {
      const desk = await agencyIdOf(t, PHU_XUAN_DESK);
      const birth = await procedureRef(t, '1.001193');
      const applicant = await citizenOf(t, { email: 'an@example.vn' });
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await applicant.headers(), payload: onlineDossier(birth, desk) });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as string;

      const bytes = pdfBytes('Giấy chứng sinh');
      const body = multipart({ requiredDocumentCode: 'tp-4' }, { name: 'giay-chung-sinh.pdf', bytes });
      const uploaded = await t.app.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${id}/attachments`,
        headers: { ...(await applicant.headers()), ...body.headers },
        payload: body.payload,
      });
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const sha = createHash('sha256').update(bytes).digest('hex');
      expect(s3.objects.get(`files/${sha}`)?.equals(bytes)).toBe(true);

      const attachmentId = uploaded.json().id as string;
      const download = await t.app.inject({ url: `/api/v1/dossiers/${id}/attachments/${attachmentId}/content`, headers: await applicant.headers() });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(bytes)).toBe(true);
    });
  });
});
