/**
 * The ContentStore on the local file system (the default): `<root>/ab/cd/<sha256>`, two levels of fan-out so no
 * directory grows past a few thousand entries. A put writes to a temporary file in the root, flushes it to disk,
 * and renames it into place (atomic on one file system), so a reader never sees a partial file and a crash leaves
 * at most a stray temporary file. Putting bytes already present writes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isContentKey, type ContentStore, type StoredContent } from '@motcua/core/storage';

const tempPrefix = '.tmp-';

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function localContentStore(root: string): ContentStore & { readonly root: string; pathOf(key: string): string } {
  const absoluteRoot = path.resolve(root);
  const pathOf = (key: string) => path.join(absoluteRoot, key.slice(0, 2), key.slice(2, 4), key);

  async function exists(file: string): Promise<boolean> {
    try {
      return (await stat(file)).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  return {
    root: absoluteRoot,
    pathOf,
    async put(bytes: Uint8Array): Promise<StoredContent> {
      const key = sha256Hex(bytes);
      const stored = { key, sha256: key, sizeBytes: bytes.byteLength };
      const target = pathOf(key);
      if (await exists(target)) return stored;
      await mkdir(path.dirname(target), { recursive: true });
      const temp = path.join(absoluteRoot, `${tempPrefix}${randomUUID()}`);
      const handle = await open(temp, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } catch (error) {
        await handle.close();
        await rm(temp, { force: true });
        throw error;
      }
      await handle.close();
      try {
        // Two puts of the same bytes at once both rename onto the same name: the content is identical either way.
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      return stored;
    },
    async get(key: string): Promise<Uint8Array | null> {
      if (!isContentKey(key)) return null;
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async has(key: string): Promise<boolean> {
      return isContentKey(key) && exists(pathOf(key));
    },
  };
}
