/** PdfSigner: placeholder by incremental update, SHA-256 of the byte ranges, CMS (cms.ts) written into /Contents. */
import type { PdfSigner, SignatureRequest, SigningTransport, TimestampAuthority } from '@motcua/core/signatures';
import { buildCadesSignature, sha256 } from './cms';
import { DEFAULT_SIGNATURE_CAPACITY, PdfStructureError, preparePdfForSignature } from './pdf-incremental';

export function createPadesSigner(options: { capacity?: number } = {}): PdfSigner {
  const capacity = options.capacity ?? DEFAULT_SIGNATURE_CAPACITY;
  return {
    async sign(pdf: Uint8Array, request: SignatureRequest, transport: SigningTransport, timestampAuthority?: TimestampAuthority) {
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
