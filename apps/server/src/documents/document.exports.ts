/**
 * What other modules (the signing module) use of issued documents, without reaching into its tables:
 *  - readIssuedDocument: the record and its bytes, checked against the recorded SHA-256;
 *  - storeSignedContent: stores the signed bytes of a document in the content store after checking that they are
 *    an incremental update of the issued bytes (a PAdES signature appends; it never rewrites what was issued).
 * The signing module records the signed version (hashes, signer) in its own tables against the document id.
 */
import type { IssuedDocument } from '@motcua/core/documents';
import type { ContentStore, StoredContent } from '@motcua/core/storage';
import type { Queryable } from '@motcua/db';
import { findIssuedDocument } from '@motcua/db/documents';
import { sha256Hex } from '@motcua/adapters/storage';

export interface IssuedDocumentContent {
  readonly document: IssuedDocument;
  readonly bytes: Uint8Array;
}

/** The document and its bytes, or null when there is no such document. Throws when the bytes are missing or altered. */
export async function readIssuedDocument(db: Queryable, store: ContentStore, documentId: string): Promise<IssuedDocumentContent | null> {
  const document = await findIssuedDocument(db, documentId);
  if (!document) return null;
  const bytes = await store.get(document.storageKey);
  if (!bytes) throw new Error(`Content of issued document ${documentId} is missing from the content store`);
  if (sha256Hex(bytes) !== document.sha256) throw new Error(`Content of issued document ${documentId} does not match its SHA-256`);
  return { document, bytes };
}

export class NotAnIncrementalUpdate extends Error {
  override name = 'NotAnIncrementalUpdate';
}

/** Stores signed bytes of an issued document; they must begin with the issued bytes, unchanged. */
export async function storeSignedContent(
  db: Queryable,
  store: ContentStore,
  documentId: string,
  signed: Uint8Array,
): Promise<{ document: IssuedDocument; stored: StoredContent }> {
  const issued = await readIssuedDocument(db, store, documentId);
  if (!issued) throw new Error(`No issued document ${documentId}`);
  const original = issued.bytes;
  const extends_ = signed.byteLength > original.byteLength && Buffer.from(signed.subarray(0, original.byteLength)).equals(Buffer.from(original));
  if (!extends_) throw new NotAnIncrementalUpdate(`The signed bytes do not extend issued document ${documentId}`);
  return { document: issued.document, stored: await store.put(signed) };
}
