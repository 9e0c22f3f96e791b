import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes .br and .gz beside every text asset of the build; the server (@fastify/static `preCompressed`) sends
 * them to browsers that accept them, so phones download the compressed size without the server compressing.
 */
function precompress(): Plugin {
  return {
    name: 'motcua-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? path.join(import.meta.dirname, 'dist');
      const files = Object.keys(bundle).filter((name) => /\.(js|css|html|svg)$/.test(name));
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(dir, name);
          const content = await readFile(file);
          if (content.length < 1024) return;
          // Brotli quality 10: within 2 % of 11 at half the build time.
          const [br, gz] = await Promise.all([
            promisify(brotliCompress)(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 10 } }),
            promisify(gzip)(content, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // .vite/manifest.json: the first-page budget test (e2e/bundle-budget.test.ts) walks the entry's imports.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Libraries every area uses, in one long-cached chunk; ECharts stays with the dashboards.
            { name: 'vendor', test: /[\\/]node_modules[\\/](?!echarts|zrender)/, priority: 20 },
            // The shell every page needs (kit, API client, session, i18n set-up): one chunk, not a dozen tiny ones.
            { name: 'shell', test: /[\\/]apps[\\/]web[\\/]src[\\/](ui|api|auth|shell|i18n[\\/]index)/, priority: 10 },
          ],
        },
      },
    },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
