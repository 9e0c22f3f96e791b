/**
 * AWS Signature Version 4 for S3-compatible object stores (AWS S3, MinIO, Ceph, Viettel/VNPT/FPT object storage):
 * the `Authorization` header of one request. Shared by the S3 content store and, to check what it receives, by the
 * test's fake S3 server; the known-answer test from the AWS documentation pins it (packages/adapters/test).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
 */
import { createHmac } from 'node:crypto';
import { sha256Hex } from './local-content-store';

export interface SigV4Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
  readonly service?: string;
}

export interface SigV4Request {
  readonly method: string;
  /** The path as sent (already URI-encoded per segment) and the query string without '?'. */
  readonly path: string;
  readonly query?: string;
  /** Header names in any case; every one given is signed. Must include host, x-amz-date, x-amz-content-sha256. */
  readonly headers: Readonly<Record<string, string>>;
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** `20130524T000000Z` for an instant. */
export function amzDate(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Encodes a path segment as SigV4 wants: everything but unreserved characters. */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function canonicalQuery(query: string): string {
  if (!query) return '';
  return query
    .split('&')
    .map((pair) => {
      const [k = '', v = ''] = pair.split('=');
      return [encodeSegment(decodeURIComponent(k)), encodeSegment(decodeURIComponent(v))] as const;
    })
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** The signature and the whole `Authorization` header value for a request. */
export function signV4(request: SigV4Request, credentials: SigV4Credentials): { signature: string; authorization: string } {
  const service = credentials.service ?? 's3';
  const headers = Object.entries(request.headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const get = (name: string) => headers.find(([n]) => n === name)?.[1];
  const date = get('x-amz-date');
  const payloadHash = get('x-amz-content-sha256');
  if (!date || !payloadHash || !get('host')) throw new Error('SigV4 needs the host, x-amz-date and x-amz-content-sha256 headers');
  const signedHeaders = headers.map(([n]) => n).join(';');
  const canonicalRequest = [
    request.method.toUpperCase(),
    request.path,
    canonicalQuery(request.query ?? ''),
    headers.map(([n, v]) => `${n}:${v}\n`).join(''),
    signedHeaders,
    payloadHash,
  ].join('\n');
  const day = date.slice(0, 8);
  const scope = `${day}/${credentials.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), credentials.region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return {
    signature,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
