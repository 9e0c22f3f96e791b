/** PdfSigner: placeholder by incremental update, SHA-256 of the byte ranges, CMS (cms.ts) written into /Contents. */
import type { PdfSigner, SignatureRequest, SigningTransport, TimestampAuthority } from '@motcua/core/signatures';
import { buildCadesSignature, sha256 } from './cms';
import { DEFAULT_SIGNATURE_CAPACITY, PdfStructureError, preparePdfForSignature } from './pdf-incremental';

/**
 * Bytes to reserve for the CMS: the certificates it embeds, 2 KB for attributes and a signature of up to RSA-4096,
 * and 12 KB for an RFC 3161 token when a timestamp authority is used. Every reserved byte is two hex digits in the
 * file, so a fixed 16 KB would add 32 KB per signature to a 45 KB form.
 */
export function signatureCapacity(transport: SigningTransport, timestampAuthority?: TimestampAuthority): number {
  const certificates = transport.certificateChain.reduce((total, der) => total + der.length, 0);
  const needed = certificates + 2048 + (timestampAuthority ? 12_288 : 0);
  return Math.min(DEFAULT_SIGNATURE_CAPACITY * 4, Math.ceil(needed / 1024) * 1024);
}

export function createPadesSigner(options: { capacity?: number } = {}): PdfSigner {
  return {
    async sign(pdf: Uint8Array, request: SignatureRequest, transport: SigningTransport, timestampAuthority?: TimestampAuthority) {
      const capacity = options.capacity ?? signatureCapacity(transport, timestampAuthority);
      const prepared = await preparePdfForSignature(pdf, { ...request, subFilter: 'ETSI.CAdES.detached', capacity });
      const [start, firstLength, secondStart, secondLength] = prepared.byteRange;
      const digest = sha256(
        prepared.bytes.subarray(start, start + firstLength),
        prepared.bytes.subarray(secondStart, secondStart + secondLength),
      );
      const cms = await buildCadesSignature(digest, transport, timestampAuthority);
      const hex = Buffer.from(cms).toString('hex').toUpperCase();
      if (hex.length > prepared.contentsHexLength) {
        throw new PdfStructureError(`signature of ${cms.length} bytes does not fit the ${capacity}-byte placeholder`);
      }
      prepared.bytes.set(Buffer.from(hex, 'latin1'), prepared.contentsOffset);
      return prepared.bytes;
    },
  };
}
