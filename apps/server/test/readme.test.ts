import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configKeys } from '../src/config';
import { commands } from '../src/cli/commands';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('README stays true to the code', () => {
  it.each(Object.entries(configKeys))('documents configuration key %s with its default', (key, spec) => {
    const row = readme.split('\n').find((line) => line.startsWith(`| \`${key}\``));
    expect(row, `README has no row for ${key}`).toBeDefined();
    if (spec.default) expect(row).toContain(`\`${spec.default}\``);
  });

  it.each(commands.map((c) => c.name))('documents the CLI command %s', (name) => {
    expect(readme).toContain(`| \`${name}`);
  });
});
