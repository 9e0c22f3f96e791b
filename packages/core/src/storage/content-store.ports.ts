/**
 * File bytes (attachments, results, rendered and signed documents) live outside the database, in a content store,
 * named by the SHA-256 of their content: the same bytes are stored once, a key always names the same bytes, and
 * whoever reads them can check them against the hash recorded in the database.
 */

/** What `put` answers: the key under which the bytes are stored (the lowercase hex SHA-256), the hash, the size. */
export interface StoredContent {
  readonly key: string;
  readonly sha256: string;
  readonly sizeBytes: number;
}

export interface ContentStore {
  /**
   * Stores the bytes and answers their key. Idempotent: putting the same bytes again answers the same key and
   * stores nothing new. Resolves only when the bytes are durable (a reader never sees a half-written file).
   */
  put(bytes: Uint8Array): Promise<StoredContent>;
  /** The bytes stored under a key, or null when there are none (or the key is not a SHA-256 hex string). */
  get(key: string): Promise<Uint8Array | null>;
  has(key: string): Promise<boolean>;
}

/** A content key is the lowercase hex SHA-256 of the content. */
export const contentKeyPattern = /^[0-9a-f]{64}$/;

export function isContentKey(key: string): boolean {
  return contentKeyPattern.test(key);
}
