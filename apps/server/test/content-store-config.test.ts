import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { completeDeps } from '../src/deps';
import { testConfig, removeTestStorage } from '../../../test-support/app';

describe('content store configuration', () => {
  it('defaults to <MOTCUA_DATA_DIR>/files and takes MOTCUA_STORAGE_DIR relative to the working directory', () => {
    const byDefault = loadConfig({ MOTCUA_DATA_DIR: '/srv/motcua' }, '/opt');
    expect(byDefault.ok && byDefault.config.storage.dir).toBe(path.join('/srv/motcua', 'files'));
    const configured = loadConfig({ MOTCUA_STORAGE_DIR: 'blobs' }, '/opt/app');
    expect(configured.ok && configured.config.storage.dir).toBe('/opt/app/blobs');
  });

  it('the app deps get a local content store on the configured directory', async () => {
    const config = testConfig();
    try {
      const deps = completeDeps({ config, db: null as never, clock: { now: () => new Date() } });
      const stored = await deps.contentStore.put(new TextEncoder().encode('x'));
      expect(await deps.contentStore.has(stored.key)).toBe(true);
      expect((deps.contentStore as unknown as { root: string }).root).toBe(config.storage.dir);
    } finally {
      removeTestStorage(config);
    }
  });
});
