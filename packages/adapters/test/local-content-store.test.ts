import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localContentStore } from '@motcua/adapters/storage';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'motcua-store-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const bytesOf = (text: string) => new TextEncoder().encode(text);

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('the local content store', () => {
  it('stores bytes under their SHA-256 and reads them back', async () => {
    const store = localContentStore(path.join(root, 'files'));
    const bytes = bytesOf('Tờ khai đăng ký khai sinh');
    const expected = createHash('sha256').update(bytes).digest('hex');
    const stored = await store.put(bytes);
    expect(stored).toEqual({ key: expected, sha256: expected, sizeBytes: bytes.byteLength });
    expect(await store.has(stored.key)).toBe(true);
    expect(Buffer.from((await store.get(stored.key))!).toString('utf8')).toBe('Tờ khai đăng ký khai sinh');
    expect(await filesUnder(path.join(root, 'files'))).toEqual([path.join(expected.slice(0, 2), expected.slice(2, 4), expected)]);
  });

  it('is idempotent: the same bytes twice are one file, and concurrent puts agree', async () => {
    const store = localContentStore(root);
    const bytes = bytesOf('same content');
    const results = await Promise.all([store.put(bytes), store.put(bytes), store.put(bytes)]);
    expect(new Set(results.map((r) => r.key)).size).toBe(1);
    await store.put(bytes);
    const files = await filesUnder(root);
    expect(files).toHaveLength(1);
    expect(await readFile(path.join(root, files[0]!), 'utf8')).toBe('same content');
  });

  it('keeps different bytes apart and leaves no temporary file behind', async () => {
    const store = localContentStore(root);
    const a = await store.put(bytesOf('a'));
    const b = await store.put(bytesOf('b'));
    const empty = await store.put(new Uint8Array());
    expect(new Set([a.key, b.key, empty.key]).size).toBe(3);
    expect(empty.sizeBytes).toBe(0);
    expect((await store.get(empty.key))!.byteLength).toBe(0);
    const files = await filesUnder(root);
    expect(files).toHaveLength(3);
    expect(files.some((f) => path.basename(f).startsWith('.tmp-'))).toBe(false);
  });

  it('answers null / false for an unknown key and for anything that is not a key (no path tricks)', async () => {
    const store = localContentStore(root);
    expect(await store.get('0'.repeat(64))).toBeNull();
    expect(await store.has('0'.repeat(64))).toBe(false);
    expect(await store.get('../../etc/passwd')).toBeNull();
    expect(await store.has('../x')).toBe(false);
    expect(await store.get('A'.repeat(64))).toBeNull();
  });
});
