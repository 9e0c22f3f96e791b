import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProcedureContent, toNationalJson } from '@motcua/core/catalog';

const root = path.resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'motcua-catalog-cli-'));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(root, 'apps/server/src/cli/main.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, MOTCUA_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '', MOTCUA_LOG_LEVEL: 'silent' },
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('catalog import and export on the command line (embedded database)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a national JSON file once, finds nothing to change the second time, reports bad items, exports', () => {
    const good = toNationalJson('1.001193', buildProcedureContent({ cases: [{ ...buildProcedureContent().cases[0]!, workflows: [] }] }));
    const bad = { ...good, MATTHC: '1.000656', CACHTHUCTHUCHIEN: [{ KENH: 1, THOIGIAN: [{ THOIGIANGIAIQUYET: 3, DONVITINH: 'Tuần' }] }] };
    writeFileSync(path.join(dir, 'tthc.json'), JSON.stringify({ result: [good, bad] }));

    const first = cli('catalog', 'import', 'tthc.json');
    expect(first.err).not.toMatch(/Error/);
    expect(first.code).toBe(2);
    expect(first.out).toContain('created:      1  1.001193');
    expect(first.out).toContain('rejected:     1');
    expect(first.out).toContain('1.000656 [row 2] CACHTHUCTHUCHIEN[0].THOIGIAN[0].DONVITINH: unknown unit "Tuần"');

    writeFileSync(path.join(dir, 'tthc.json'), JSON.stringify({ result: [good] }));
    const second = cli('catalog', 'import', 'tthc.json');
    expect(second.code).toBe(0);
    expect(second.out).toContain('unchanged:    1');
    expect(second.out).toContain('created:      0');

    const exported = cli('catalog', 'export', '--format', 'xlsx', '--out', 'tthc.xlsx');
    expect(exported.out).toContain('Exported 1 procedure(s)');
    expect(readFileSync(path.join(dir, 'tthc.xlsx')).subarray(0, 2).toString()).toBe('PK');
  }, 240_000);
});
