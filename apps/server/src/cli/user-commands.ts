/** `motcua user …`: officer accounts from the command line (first administrator, lost authenticator, demos). */
import type { DomainError } from '@motcua/core';
import type { Database } from '@motcua/db';
import { createOfficerAccount, demoTotpCode, resetTwoFactor } from '../identity/user-admin';
import type { ParseArgsConfig } from 'node:util';

/** The shape of commands.ts's Command (restated: importing it back would make a cycle). */
interface Command {
  readonly name: string;
  readonly summary: string;
  readonly options?: ParseArgsConfig['options'];
  run(options: Record<string, string | boolean | undefined>): Promise<number>;
}

type WithDatabase = <T>(fn: (deps: { db: Database; clock: { now(): Date } }) => Promise<T>) => Promise<T>;

const fail = (error: DomainError): number => {
  process.stderr.write(`${error.message}\n`);
  return error.code === 'USER_NOT_FOUND' || error.code === 'AGENCY_NOT_FOUND' ? 3 : 1;
};

const required = (options: Record<string, string | boolean | undefined>, names: string[]): string[] | null => {
  const missing = names.filter((n) => typeof options[n] !== 'string' || options[n] === '');
  if (missing.length === 0) return names.map((n) => options[n] as string);
  process.stderr.write(`Missing ${missing.map((m) => `--${m}`).join(', ')}\n`);
  return null;
};

export function userCommands(withDatabase: WithDatabase): Command[] {
  return [
    {
      name: 'user create',
      summary: 'Create an officer: --email --password --role --agency <code> [--name] [--sub-agencies].',
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        role: { type: 'string' },
        agency: { type: 'string' },
        name: { type: 'string' },
        'sub-agencies': { type: 'boolean' },
      },
      run: async (options) => {
        const values = required(options, ['email', 'password', 'role', 'agency']);
        if (!values) return 1;
        const [email, password, role, agencyCode] = values as [string, string, string, string];
        return withDatabase(async (deps) => {
          const result = await createOfficerAccount(deps, 'cli:user-create', {
            email,
            password,
            role,
            agencyCode,
            ...(typeof options.name === 'string' ? { displayName: options.name } : {}),
            includeSubAgencies: options['sub-agencies'] === true,
          });
          if (!result.ok) return fail(result.error);
          process.stdout.write(
            `Officer ${email} created (${role} at ${agencyCode}). They enrol their TOTP authenticator at first sign-in.\n`,
          );
          return 0;
        });
      },
    },
    {
      name: 'user reset-2fa',
      summary: 'Forget an officer’s TOTP authenticator (re-enrol at next sign-in) and end their sessions: --email.',
      options: { email: { type: 'string' } },
      run: async (options) => {
        const values = required(options, ['email']);
        if (!values) return 1;
        return withDatabase(async (deps) => {
          const result = await resetTwoFactor(deps, 'cli:user-reset-2fa', values[0]!);
          if (!result.ok) return fail(result.error);
          process.stdout.write(`TOTP reset for ${values[0]}; ${result.value.revokedSessions} session(s) ended.\n`);
          return 0;
        });
      },
    },
    {
      name: 'user totp-code',
      summary: 'Print the current TOTP code of a demo officer (refused for real accounts): --email.',
      options: { email: { type: 'string' } },
      run: async (options) => {
        const values = required(options, ['email']);
        if (!values) return 1;
        return withDatabase(async (deps) => {
          const result = await demoTotpCode(deps, values[0]!);
          if (!result.ok) return fail(result.error);
          process.stdout.write(`${result.value}\n`);
          return 0;
        });
      },
    },
  ];
}
