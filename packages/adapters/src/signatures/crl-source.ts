/**
 * Where CRLs come from (the RevocationListSource port): the deployment's CRL files (PEM "X509 CRL" or DER, read
 * again when they change), and the distribution points of a certificate, fetched over http(s) with a timeout, a
 * size limit and a cache (a fetched list is kept `cacheSeconds`; an unreachable URL is not retried for
 * `failureCacheSeconds`, so a down CA does not slow every verification).
 */
import { readFile, stat } from 'node:fs/promises';
import type { RevocationListSource } from '@motcua/core/signatures';

export interface CrlSourceOptions {
  readonly files?: readonly string[];
  /** Fetch distribution points over HTTP (false: configured files only). */
  readonly fetchDistributionPoints?: boolean;
  readonly timeoutMs?: number;
  readonly cacheSeconds?: number;
  readonly failureCacheSeconds?: number;
  readonly maxBytes?: number;
  readonly now?: () => number;
}

/** PEM "X509 CRL" blocks → DER; bytes that are not PEM are taken as one DER CRL. */
export function readCrlFile(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  const blocks = [...text.matchAll(/-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/g)];
  if (blocks.length === 0) return [bytes];
  return blocks.map((match) => Uint8Array.from(Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64')));
}

export function createCrlSource(options: CrlSourceOptions = {}): RevocationListSource & { fetched(): number } {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const cache = new Map<string, { der: Uint8Array | null; until: number }>();
  const files = new Map<string, { mtimeMs: number; crls: Uint8Array[] }>();
  let fetched = 0;

  async function fromFile(file: string): Promise<Uint8Array[]> {
    try {
      const { mtimeMs } = await stat(file);
      const known = files.get(file);
      if (known && known.mtimeMs === mtimeMs) return known.crls;
      const crls = readCrlFile(await readFile(file));
      files.set(file, { mtimeMs, crls });
      return crls;
    } catch {
      return [];
    }
  }

  async function fromUrl(url: string): Promise<Uint8Array | null> {
    const cached = cache.get(url);
    if (cached && cached.until > now()) return cached.der;
    let der: Uint8Array | null = null;
    try {
      fetched += 1;
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
      const length = Number(response.headers.get('content-length') ?? 0);
      if (response.ok && length <= maxBytes) {
        const body = new Uint8Array(await response.arrayBuffer());
        if (body.length <= maxBytes) der = readCrlFile(body)[0] ?? null;
      }
    } catch {
      der = null;
    }
    const seconds = der ? (options.cacheSeconds ?? 300) : (options.failureCacheSeconds ?? 60);
    cache.set(url, { der, until: now() + seconds * 1000 });
    if (cache.size > 500) cache.delete(cache.keys().next().value!);
    return der;
  }

  return {
    fetched: () => fetched,
    async find(distributionPoints) {
      const found: { source: string; der: Uint8Array }[] = [];
      for (const file of options.files ?? []) for (const der of await fromFile(file)) found.push({ source: file, der });
      if (options.fetchDistributionPoints !== false) {
        for (const url of distributionPoints) {
          const der = await fromUrl(url);
          if (der) found.push({ source: url, der });
        }
      }
      return found;
    },
  };
}
