import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3StoreError, s3ContentStore, signV4 } from '@motcua/adapters/storage';
import { startFakeS3, type FakeS3 } from '../../../test-support/s3-fake';

const credentials = { accessKeyId: 'MOTCUATESTKEY', secretAccessKey: 'motcua-test-secret', region: 'vn-hue-1' };

describe('SigV4', () => {
  it('gives the signature of the AWS documentation example (GET Object with a Range header)', () => {
    const { signature, authorization } = signV4(
      {
        method: 'GET',
        path: '/test.txt',
        headers: {
          Host: 'examplebucket.s3.amazonaws.com',
          Range: 'bytes=0-9',
          'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
          'x-amz-date': '20130524T000000Z',
        },
      },
      { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' },
    );
    expect(signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
    expect(authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});

describe('the S3 content store against an S3-compatible server', () => {
  let s3: FakeS3;
  beforeAll(async () => {
    s3 = await startFakeS3({ bucket: 'motcua-files', ...credentials });
  });
  afterAll(() => s3.close());
  const store = () => s3ContentStore({ endpoint: s3.endpoint, bucket: 'motcua-files', prefix: 'hue/', ...credentials });

  it('stores bytes under their SHA-256, reads them back, and writes nothing for bytes it already holds', async () => {
    const bytes = new TextEncoder().encode('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const stored = await store().put(bytes);
    expect(stored).toEqual({ key: sha, sha256: sha, sizeBytes: bytes.byteLength });
    expect([...s3.objects.keys()]).toEqual([`hue/${sha}`]);
    expect(await store().has(sha)).toBe(true);
    expect(Buffer.from((await store().get(sha))!).equals(Buffer.from(bytes))).toBe(true);

    const puts = () => s3.requests.filter((r) => r.method === 'PUT').length;
    const before = puts();
    await store().put(bytes);
    expect(puts()).toBe(before);
  });

  it('answers null for an absent key and for a string that is no content key (without asking the server)', async () => {
    const absent = 'a'.repeat(64);
    expect(await store().get(absent)).toBeNull();
    expect(await store().has(absent)).toBe(false);
    const asked = s3.requests.length;
    expect(await store().get('../../etc/passwd')).toBeNull();
    expect(s3.requests.length).toBe(asked);
  });

  it('refuses an object whose bytes no longer match their key', async () => {
    const stored = await store().put(new TextEncoder().encode('bản gốc'));
    s3.objects.set(`hue/${stored.key}`, Buffer.from('bị sửa'));
    await expect(store().get(stored.key)).rejects.toThrow(/do not match/);
  });

  it('fails with the server’s answer when the secret is wrong (its S3 error code when the answer has a body)', async () => {
    const wrong = s3ContentStore({ endpoint: s3.endpoint, bucket: 'motcua-files', ...credentials, secretAccessKey: 'wrong' });
    const onPut = await wrong.put(new TextEncoder().encode('x')).catch((e: unknown) => e);
    expect(onPut).toBeInstanceOf(S3StoreError);
    expect((onPut as S3StoreError).status).toBe(403);
    const stored = await store().put(new TextEncoder().encode('có thật'));
    const onGet = await wrong.get(stored.key).catch((e: unknown) => e);
    expect((onGet as S3StoreError).status).toBe(403);
    expect((onGet as S3StoreError).message).toContain('SignatureDoesNotMatch');
  });
});
