/**
 * A fake S3-compatible object store for tests (an outside system: it speaks the protocol over HTTP). Path-style
 * `/<bucket>/<key>` with PUT, GET and HEAD; every request must carry a valid SigV4 Authorization for the configured
 * credentials (403 SignatureDoesNotMatch otherwise) and, on PUT, an x-amz-content-sha256 equal to the body's
 * SHA-256 (400 XAmzContentSHA256Mismatch). Errors are S3's XML error documents.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signV4 } from '../packages/adapters/src/storage/sigv4';

export interface FakeS3 {
  readonly endpoint: string;
  readonly objects: Map<string, Buffer>;
  readonly requests: { method: string; path: string }[];
  close(): Promise<void>;
}

function xmlError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeS3(options: { bucket: string; accessKeyId: string; secretAccessKey: string; region: string }): Promise<FakeS3> {
  const objects = new Map<string, Buffer>();
  const requests: { method: string; path: string }[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    requests.push({ method, path: url.pathname });
    const body = await bodyOf(req);
    const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      String(req.headers.authorization ?? ''),
    );
    if (!auth || auth[1] !== options.accessKeyId || auth[3] !== options.region) {
      return xmlError(res, 403, 'InvalidAccessKeyId', 'The access key or the credential scope is not known');
    }
    const signed: Record<string, string> = {};
    for (const name of auth[4]!.split(';')) signed[name] = String(req.headers[name] ?? '');
    const expected = signV4({ method, path: url.pathname, query: url.search.slice(1), headers: signed }, options).signature;
    if (expected !== auth[5]) return xmlError(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match');
    const [, bucket, ...rest] = url.pathname.split('/');
    const key = rest.map(decodeURIComponent).join('/');
    if (bucket !== options.bucket) return xmlError(res, 404, 'NoSuchBucket', 'The specified bucket does not exist');
    if (method === 'PUT') {
      if (createHash('sha256').update(body).digest('hex') !== req.headers['x-amz-content-sha256']) {
        return xmlError(res, 400, 'XAmzContentSHA256Mismatch', 'The provided x-amz-content-sha256 does not match');
      }
      objects.set(key, body);
      res.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
      return res.end();
    }
    const object = objects.get(key);
    if (!object) {
      if (method === 'HEAD') {
        res.writeHead(404);
        return res.end();
      }
      return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.');
    }
    res.writeHead(200, { 'content-length': object.byteLength, 'content-type': 'application/octet-stream' });
    res.end(method === 'HEAD' ? undefined : object);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
