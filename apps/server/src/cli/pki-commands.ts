/** `pki init-demo`: the DEMO certificate authority, agency seals and leaders' certificates (never for production). */
import type { Database } from '@motcua/db';
import type { Clock } from '@motcua/core';
import type { AppConfig } from '../config';
import { initDemoPki } from '../signatures/pki-demo';
import { revocationReasons, revokeDemoCertificate } from '../signatures/demo-crl';
import { toPem } from '@motcua/adapters/signatures';
import { listTrustedRoots } from '@motcua/db/signatures';
import type { Command } from './command';

type WithDatabase = <T>(fn: (deps: { config: AppConfig; db: Database; clock: Clock }) => Promise<T>) => Promise<T>;

export function pkiCommands(withDatabase: WithDatabase): Command[] {
  return [
    {
      name: 'pki init-demo',
      summary: 'Create the DEMO CA, agency seals and demo leaders’ signing certificates (refused in production).',
      options: { 'print-root': { type: 'boolean' } },
      run: (options) =>
        withDatabase(async (deps) => {
          if (deps.config.signatures.production) {
            process.stderr.write('pki init-demo is refused when MOTCUA_ENV=production: import real certificates instead.\n');
            return 1;
          }
          const report = await initDemoPki(deps);
          process.stdout.write(
            `DEMO root CA ${report.rootCreated ? 'created' : 'kept'} (SHA-256 ${report.rootFingerprint}). ` +
              'DEMO only — never trust it in production.\n',
          );
          for (const item of report.issued) process.stdout.write(`  issued ${item.purpose} certificate "${item.commonName}" for ${item.agencyCode}\n`);
          if (report.issued.length === 0) process.stdout.write('  every demo leader and agency already has a certificate.\n');
          if (options['print-root']) {
            const root = (await listTrustedRoots(deps.db)).find((r) => r.fingerprint === report.rootFingerprint);
            if (root) process.stdout.write(toPem(root.certificateDer));
          }
          return 0;
        }),
    },
    {
      name: 'pki revoke-demo',
      summary: 'Revoke a DEMO signing certificate: listed on the DEMO root’s CRL (/api/v1/pki/demo-root.crl), deactivated, audited.',
      positionals: '<certificate-id>',
      options: { reason: { type: 'string' }, at: { type: 'string' } },
      run: (options, positionals) =>
        withDatabase(async (deps) => {
          const certificateId = positionals?.[0];
          const reason = (options.reason as string | undefined) ?? 'keyCompromise';
          const at = typeof options.at === 'string' ? new Date(options.at) : undefined;
          if (!certificateId || !(revocationReasons as readonly string[]).includes(reason) || (at && Number.isNaN(at.getTime()))) {
            process.stderr.write(`usage: pki revoke-demo <certificate-id> [--reason ${revocationReasons.join('|')}] [--at ISO-8601 instant]\n`);
            return 2;
          }
          const revoked = await revokeDemoCertificate(deps, { kind: 'system', name: 'cli:pki-revoke-demo' }, {
            certificateId,
            reason: reason as (typeof revocationReasons)[number],
            ...(at ? { revokedAt: at } : {}),
          });
          process.stdout.write(`revoked DEMO certificate ${certificateId} (serial ${revoked.serialNumber}) as of ${revoked.revokedAt.toISOString()} (${reason})\n`);
          return 0;
        }),
    },
  ];
}
