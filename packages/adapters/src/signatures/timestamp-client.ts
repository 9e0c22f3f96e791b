/**
 * RFC 3161 client over HTTP (the TimestampAuthority port): POSTs a TimeStampReq (application/timestamp-query) with
 * the SHA-256 imprint, a fresh 64-bit nonce and certReq true, and reads the TimeStampResp: status granted (or
 * grantedWithMods), a token whose TSTInfo carries our imprint and our nonce. Anything else is a
 * TimestampAuthorityError — the caller (the signing job) fails and retries; it never signs without the token.
 */
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { TimestampAuthority } from '@motcua/core/signatures';
import { oid } from './cms';
import { parseTimestampToken } from './timestamp-token';

export type TimestampFailure = 'unreachable' | 'http' | 'rejected' | 'malformed' | 'mismatch';

export class TimestampAuthorityError extends Error {
  override name = 'TimestampAuthorityError';
  constructor(
    readonly reason: TimestampFailure,
    message: string,
  ) {
    super(`Timestamp authority: ${message}`);
  }
}

const statusNames = ['granted', 'grantedWithMods', 'rejection', 'waiting', 'revocationWarning', 'revocationNotification'];

export interface Rfc3161ClientOptions {
  readonly url: string;
  readonly timeoutMs?: number;
  /** Optional TSA policy OID to request. */
  readonly policy?: string;
}

export function createRfc3161Client(options: Rfc3161ClientOptions): TimestampAuthority {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async timestamp(sha256Digest) {
      if (sha256Digest.length !== 32) throw new TimestampAuthorityError('malformed', 'the imprint must be a SHA-256 digest');
      const nonceBytes = randomBytes(8);
      nonceBytes[0] = (nonceBytes[0]! & 0x7f) | 0x01; // positive, minimally encoded (no leading zero byte)
      const request = new pkijs.TimeStampReq({
        version: 1,
        messageImprint: new pkijs.MessageImprint({
          hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256 }),
          hashedMessage: new asn1js.OctetString({ valueHex: Uint8Array.from(sha256Digest).buffer }),
        }),
        ...(options.policy ? { reqPolicy: options.policy } : {}),
        nonce: new asn1js.Integer({ valueHex: Uint8Array.from(nonceBytes).buffer }),
        certReq: true,
      });
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
          body: Buffer.from(request.toSchema().toBER(false)),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new TimestampAuthorityError('unreachable', `${options.url} unreachable (${(error as Error).message})`);
      }
      if (!response.ok) throw new TimestampAuthorityError('http', `${options.url} answered HTTP ${response.status}`);
      const body = new Uint8Array(await response.arrayBuffer());

      const parsed = asn1js.fromBER(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
      if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Sequence)) {
        throw new TimestampAuthorityError('malformed', 'the reply is not a DER TimeStampResp');
      }
      let reply: pkijs.TimeStampResp;
      try {
        reply = new pkijs.TimeStampResp({ schema: parsed.result });
      } catch (error) {
        throw new TimestampAuthorityError('malformed', `the reply is not a TimeStampResp (${(error as Error).message})`);
      }
      const status = reply.status.status;
      if (status !== 0 && status !== 1) {
        const text = reply.status.statusStrings?.map((entry) => entry.valueBlock.value).join('; ');
        throw new TimestampAuthorityError('rejected', `status ${statusNames[status] ?? status}${text ? ` (${text})` : ''}`);
      }
      // The token exactly as the TSA encoded it: re-encoding could change bytes its signature covers.
      const tokenBlock = parsed.result.valueBlock.value[1];
      if (!reply.timeStampToken || !tokenBlock) throw new TimestampAuthorityError('malformed', 'granted without a token');
      const token = new Uint8Array(tokenBlock.valueBeforeDecodeView);

      let tst;
      try {
        tst = parseTimestampToken(token);
      } catch (error) {
        throw new TimestampAuthorityError('malformed', (error as Error).message);
      }
      if (tst.imprintAlgorithm !== oid.sha256 || !tst.imprint.equals(Buffer.from(sha256Digest))) {
        throw new TimestampAuthorityError('mismatch', 'the token covers another imprint');
      }
      if (!tst.nonce || !tst.nonce.equals(nonceBytes)) throw new TimestampAuthorityError('mismatch', 'the token carries another nonce');
      return token;
    },
  };
}
