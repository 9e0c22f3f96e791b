/**
 * The ContentStore on an S3-compatible object store (the option beside the local file system): each content is the
 * object `<prefix><sha256>` of one bucket, addressed path-style (`<endpoint>/<bucket>/<key>`, which every
 * S3-compatible service accepts), every request signed with SigV4. The payload hash SigV4 asks for is the content
 * key itself, so the store checks the bytes it sends; the bytes it reads back are checked against their key too.
 * A put first asks whether the object exists (HEAD) and writes nothing when it does.
 */
import { isContentKey, type ContentStore, type StoredContent } from '@motcua/core/storage';
import { sha256Hex } from './local-content-store';
import { amzDate, encodeSegment, signV4, type SigV4Credentials } from './sigv4';

export interface S3ContentStoreOptions extends SigV4Credentials {
  /** e.g. https://s3.example.vn or http://127.0.0.1:9000 */
  readonly endpoint: string;
  readonly bucket: string;
  /** Prepended to every object name, e.g. `motcua/`. */
  readonly prefix?: string;
  readonly now?: () => Date;
}

const EMPTY_SHA256 = sha256Hex('');

export class S3StoreError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'S3StoreError';
  }
}

export function s3ContentStore(options: S3ContentStoreOptions): ContentStore {
  const endpoint = new URL(options.endpoint);
  const basePath = endpoint.pathname.replace(/\/$/, '');
  const now = options.now ?? (() => new Date());

  async function send(method: 'GET' | 'HEAD' | 'PUT', key: string, body?: Uint8Array): Promise<Response> {
    const objectName = `${options.prefix ?? ''}${key}`;
    const path = `${basePath}/${encodeSegment(options.bucket)}/${objectName.split('/').map(encodeSegment).join('/')}`;
    const headers: Record<string, string> = {
      host: endpoint.host,
      'x-amz-date': amzDate(now()),
      'x-amz-content-sha256': body ? key : EMPTY_SHA256,
    };
    if (body) headers['content-type'] = 'application/octet-stream';
    const { authorization } = signV4({ method, path, headers }, options);
    const { host: _host, ...sent } = headers;
    return fetch(new URL(path, endpoint.origin), {
      method,
      headers: { ...sent, authorization },
      body: body ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : undefined,
    });
  }

  async function failure(response: Response, what: string): Promise<S3StoreError> {
    const text = await response.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? response.statusText;
    return new S3StoreError(`S3 ${what} answered ${response.status} ${code}`, response.status);
  }

  async function has(key: string): Promise<boolean> {
    if (!isContentKey(key)) return false;
    const response = await send('HEAD', key);
    if (response.status === 404) return false;
    if (!response.ok) throw await failure(response, `HEAD ${key}`);
    return true;
  }

  return {
    async put(bytes: Uint8Array): Promise<StoredContent> {
      const key = sha256Hex(bytes);
      const stored = { key, sha256: key, sizeBytes: bytes.byteLength };
      if (await has(key)) return stored;
      const response = await send('PUT', key, bytes);
      if (!response.ok) throw await failure(response, `PUT ${key}`);
      await response.arrayBuffer();
      return stored;
    },
    async get(key: string): Promise<Uint8Array | null> {
      if (!isContentKey(key)) return null;
      const response = await send('GET', key);
      if (response.status === 404) {
        await response.arrayBuffer();
        return null;
      }
      if (!response.ok) throw await failure(response, `GET ${key}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (sha256Hex(bytes) !== key) throw new S3StoreError(`S3 GET ${key}: the bytes do not match their key`, 502);
      return bytes;
    },
    has,
  };
}
