/**
 * The portal's first page stays light for phones on slow connections: the JavaScript it loads, gzip-compressed,
 * is under 250 KB — measured twice: statically (the built entry chunk and its static imports, from Vite's
 * manifest) and in the browser (every script the page actually fetched, lazy route chunks included). The
 * officer workspace and the dashboards never load there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, startServer, webDist, type TestServer } from './support';

const budgetBytes = 250 * 1000;
// Code that must load only when its pages are visited: the officer workspace, the dashboards, and the citizen's
// signed-in pages (the submission wizard with its declarations, dossiers, drafts, profile, notifications).
const notOnFirstPage = /office|dashboard|submit-page|my-dossier|my-drafts|profile-page|notifications-page|portal-forms|applicant-step|organisations-section|issued-documents/;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

function staticClosure(manifest: Record<string, ManifestChunk>): string[] {
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('the manifest names no entry');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry);
  return [...seen].map((key) => manifest[key]!.file);
}

const gzipSize = (content: Buffer) => gzipSync(content, { level: 9 }).length;

describe('bundle budget of the portal’s first page', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps the entry chunk and its static imports under 250 KB gzip', () => {
    const manifest = JSON.parse(readFileSync(path.join(webDist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const files = staticClosure(manifest);
    const sizes = files.map((file) => ({ file, gzip: gzipSize(readFileSync(path.join(webDist, file))) }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    console.log(`first page, static JS: ${kb(total)} gzip (${sizes.map((s) => `${s.file} ${kb(s.gzip)}`).join(', ')})`);
    expect(files.filter((file) => notOnFirstPage.test(file))).toEqual([]);
    expect(total).toBeLessThan(budgetBytes);
  });

  it('loads under 250 KB of gzip JavaScript in the browser, and no officer or dashboard code', async () => {
    const page = await openPage(browser, server.baseUrl, 'phone');
    const scripts: Response[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response);
    });
    await page.goto('/', { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dịch vụ công trực tuyến');
    const sizes = await Promise.all(
      scripts.map(async (response) => ({
        url: new URL(response.url()).pathname,
        gzip: gzipSize(await response.body()),
        encoding: (await response.allHeaders())['content-encoding'] ?? 'identity',
        transferred: (await response.request().sizes()).responseBodySize,
      })),
    );
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    const transferred = sizes.reduce((sum, s) => sum + s.transferred, 0);
    console.log(
      `first page, loaded JS: ${kb(total)} gzip, ${kb(transferred)} transferred, in ${sizes.length} files ` +
        `(${sizes.map((s) => `${path.basename(s.url)} ${kb(s.gzip)} [${s.encoding}]`).join(', ')})`,
    );
    expect(sizes.length).toBeGreaterThan(0);
    // The server sends the build's pre-compressed files: what phones download is the compressed size.
    const biggest = sizes.reduce((a, b) => (b.gzip > a.gzip ? b : a));
    expect(biggest.encoding).toBe('br');
    expect(transferred).toBeLessThan(budgetBytes);
    expect(sizes.filter((s) => notOnFirstPage.test(s.url))).toEqual([]);
    expect(total).toBeLessThan(budgetBytes);
    await page.context().close();
  });
});
