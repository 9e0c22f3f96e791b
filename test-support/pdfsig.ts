/**
 * poppler's pdfsig as an outside judge of our signatures, with its own NSS database that trusts only the roots
 * given (CI installs poppler-utils and libnss3-tools; a missing tool fails the test, it does not skip it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PdfsigJudge {
  /** pdfsig's full output for these bytes. */
  check(pdf: Uint8Array): string;
  close(): void;
}

export function createPdfsigJudge(trustedRoots: readonly { name: string; pem: string }[]): PdfsigJudge {
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-pdfsig-'));
  const nss = `sql:${path.join(dir, 'nss')}`;
  execFileSync('mkdir', ['-p', path.join(dir, 'nss')]);
  execFileSync('certutil', ['-N', '-d', nss, '--empty-password']);
  for (const root of trustedRoots) {
    const file = path.join(dir, `${root.name}.pem`);
    writeFileSync(file, root.pem);
    execFileSync('certutil', ['-A', '-n', root.name, '-t', 'CT,C,C', '-i', file, '-d', nss]);
  }
  let counter = 0;
  return {
    check(pdf) {
      const file = path.join(dir, `document-${(counter += 1)}.pdf`);
      writeFileSync(file, pdf);
      const run = spawnSync('pdfsig', ['-nssdir', nss, file], { encoding: 'utf8' });
      if (run.error) throw run.error;
      return `${run.stdout}${run.stderr}`;
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
