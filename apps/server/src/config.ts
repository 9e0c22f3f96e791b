/**
 * The one configuration schema. main.ts parses process.env through it once and passes the result down; nothing
 * else reads the environment. Every key has a default that works on a laptop (embedded database under ./data,
 * port 3000, SMTP off). A bad value stops start-up with one message listing every problem.
 */
import path from 'node:path';
import { z } from 'zod';
import { dossierConfigKeys, dossierConfigOf, dossierConfigSchema, type DossierConfig } from './dossiers/dossier.config';
import { documentConfigKeys, documentConfigOf, documentConfigSchema, type DocumentConfig } from './documents/document.config';
import {
  signatureConfigKeys,
  signatureConfigOf,
  signatureConfigProblems,
  signatureConfigSchema,
  type SignatureConfig,
} from './signatures/signature.config';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Environment variable → description and default; the README's configuration reference is generated from this. */
export const configKeys = {
  MOTCUA_PORT: { default: '3000', description: 'HTTP port the server listens on.' },
  MOTCUA_HOST: { default: '0.0.0.0', description: 'Interface to listen on.' },
  MOTCUA_PUBLIC_URL: {
    default: 'http://localhost:3000',
    description: 'Public base URL, used in QR codes, e-mails and OIDC redirects.',
  },
  DATABASE_URL: {
    default: '',
    description: 'PostgreSQL connection string (postgres://...). Empty: the embedded database (PGlite) in the data dir.',
  },
  MOTCUA_DATA_DIR: {
    default: './data',
    description: 'Directory for the embedded database, uploaded files and generated secrets.',
  },
  MOTCUA_STORAGE_DIR: {
    default: '',
    description: 'Directory of the content store (uploaded and generated files, named by their SHA-256). Empty: <MOTCUA_DATA_DIR>/files.',
  },
  MOTCUA_STORAGE_DRIVER: {
    default: 'local',
    description: 'Where the content store keeps the bytes: local (the directory above) or s3 (an S3-compatible object store, MOTCUA_S3_*).',
  },
  MOTCUA_S3_ENDPOINT: { default: '', description: 'S3-compatible endpoint URL, e.g. https://s3.example.vn (driver s3; path-style requests, SigV4).' },
  MOTCUA_S3_BUCKET: { default: '', description: 'Bucket of the content store (driver s3).' },
  MOTCUA_S3_REGION: { default: 'us-east-1', description: 'Region named in the SigV4 signature (driver s3).' },
  MOTCUA_S3_ACCESS_KEY_ID: { default: '', description: 'Access key id (driver s3).' },
  MOTCUA_S3_SECRET_ACCESS_KEY: { default: '', description: 'Secret access key (driver s3); never logged.' },
  MOTCUA_S3_PREFIX: { default: '', description: 'Prefix of every object name, e.g. motcua/ (driver s3).' },
  MOTCUA_DB_POOL_SIZE: { default: '10', description: 'PostgreSQL connection pool size.' },
  MOTCUA_MIGRATE_ON_START: {
    default: 'false',
    description:
      'Apply pending migrations when the server starts on PostgreSQL (the embedded database always does). ' +
      'Otherwise start-up stops and asks for `motcua migrate`.',
  },
  MOTCUA_LOG_LEVEL: { default: 'info', description: 'Log level: fatal, error, warn, info, debug, trace, silent.' },
  MOTCUA_TRUST_PROXY: { default: 'false', description: 'Trust X-Forwarded-* headers (behind a reverse proxy).' },
  MOTCUA_BODY_LIMIT_BYTES: { default: '1048576', description: 'Largest JSON request body, in bytes.' },
  MOTCUA_SEED_DEMO: {
    default: 'true',
    description: 'On the first start of an empty embedded database, load the demo data and accounts.',
  },
  MOTCUA_SMTP_URL: {
    default: '',
    description: 'SMTP server for e-mail notices (smtp://user:pass@host:587 or smtps://…). Empty: e-mail is off.',
  },
  MOTCUA_SMTP_FROM: {
    default: 'MotCua <noreply@motcua.local>',
    description: 'Sender of e-mail notices.',
  },
  MOTCUA_JOB_POLL_MS: { default: '1000', description: 'How often the job runner looks for due outbox messages.' },
  MOTCUA_CATALOG_HOURS_PER_WORKING_DAY: {
    default: '8',
    description:
      'Working hours in one working day when internal-workflow budgets (hours) are checked against legal time limits in days.',
  },
  MOTCUA_WEB_DIST: {
    default: '',
    description: 'Directory of the built web app to serve. Empty: apps/web/dist of this checkout.',
  },
  MOTCUA_SESSION_IDLE_MINUTES: { default: '30', description: 'A session ends after this many minutes without a request.' },
  MOTCUA_SESSION_ABSOLUTE_HOURS: { default: '12', description: 'A session ends this many hours after sign-in, active or not.' },
  MOTCUA_AUTH_RATE_LIMIT_PER_MINUTE: {
    default: '30',
    description: 'Requests per minute and client address on the sign-in, registration and one-time-code routes.',
  },
  MOTCUA_TOTP_ISSUER: { default: 'MotCua', description: 'Issuer name shown in authenticator apps for officers’ TOTP codes.' },
  MOTCUA_OIDC_ISSUER: {
    default: '',
    description: 'OpenID Connect issuer URL for citizens’ single sign-on (e.g. VNeID / Cổng DVCQG). Empty: off.',
  },
  MOTCUA_OIDC_CLIENT_ID: { default: '', description: 'OpenID Connect client id registered with the issuer.' },
  MOTCUA_OIDC_CLIENT_SECRET: { default: '', description: 'OpenID Connect client secret (client_secret_basic).' },
  MOTCUA_OIDC_DISPLAY_NAME: {
    default: 'Tài khoản định danh điện tử',
    description: 'Name of the OpenID Connect sign-in button shown to citizens.',
  },
  ...dossierConfigKeys,
  ...documentConfigKeys,
  ...signatureConfigKeys,
} as const satisfies Record<string, { default: string; description: string }>;

export type ConfigKey = keyof typeof configKeys;

const schema = z.object({
  MOTCUA_PORT: int(0, 65535),
  MOTCUA_HOST: z.string().min(1),
  MOTCUA_PUBLIC_URL: z.url(),
  DATABASE_URL: z.union([z.literal(''), z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://')]),
  MOTCUA_DATA_DIR: z.string().min(1),
  MOTCUA_STORAGE_DIR: z.string(),
  MOTCUA_STORAGE_DRIVER: z.enum(['local', 's3']),
  MOTCUA_S3_ENDPOINT: z.union([z.literal(''), z.url()]),
  MOTCUA_S3_BUCKET: z.string(),
  MOTCUA_S3_REGION: z.string().min(1),
  MOTCUA_S3_ACCESS_KEY_ID: z.string(),
  MOTCUA_S3_SECRET_ACCESS_KEY: z.string(),
  MOTCUA_S3_PREFIX: z.string(),
  MOTCUA_DB_POOL_SIZE: int(1, 500),
  MOTCUA_MIGRATE_ON_START: bool,
  MOTCUA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  MOTCUA_TRUST_PROXY: bool,
  MOTCUA_BODY_LIMIT_BYTES: int(1024, 50 * 1024 * 1024),
  MOTCUA_SEED_DEMO: bool,
  MOTCUA_SMTP_URL: z.union([z.literal(''), z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')]),
  MOTCUA_SMTP_FROM: z.string().min(3),
  MOTCUA_JOB_POLL_MS: int(50, 3_600_000),
  MOTCUA_CATALOG_HOURS_PER_WORKING_DAY: z.coerce.number().min(1).max(24),
  MOTCUA_WEB_DIST: z.string(),
  MOTCUA_SESSION_IDLE_MINUTES: int(1, 24 * 60),
  MOTCUA_SESSION_ABSOLUTE_HOURS: int(1, 24 * 30),
  MOTCUA_AUTH_RATE_LIMIT_PER_MINUTE: int(1, 100_000),
  MOTCUA_TOTP_ISSUER: z.string().min(1).max(60),
  MOTCUA_OIDC_ISSUER: z.union([z.literal(''), z.url()]),
  MOTCUA_OIDC_CLIENT_ID: z.string(),
  MOTCUA_OIDC_CLIENT_SECRET: z.string(),
  MOTCUA_OIDC_DISPLAY_NAME: z.string().min(1),
  ...dossierConfigSchema,
  ...documentConfigSchema,
  ...signatureConfigSchema,
});

export interface AppConfig {
  server: { port: number; host: string; publicUrl: string; trustProxy: boolean; bodyLimitBytes: number };
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string };
  dataDir: string;
  /** The local content store's directory. */
  storage: {
    dir: string;
    s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string; prefix: string } | null;
  };
  migrateOnStart: boolean;
  logLevel: z.infer<typeof schema>['MOTCUA_LOG_LEVEL'];
  seedDemo: boolean;
  webDist: string;
  smtp: { url: string; from: string } | null;
  jobs: { pollMilliseconds: number };
  auth: AuthConfig;
  dossiers: DossierConfig;
  documents: DocumentConfig;
  signatures: SignatureConfig;
  catalog: { hoursPerWorkingDay: number };
}

export interface AuthConfig {
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  /** Half-sessions between the password and the TOTP step. */
  sessionPendingSeconds: number;
  rateLimitPerMinute: number;
  totpIssuer: string;
  /** Cookies are marked Secure when the public URL is https. */
  secureCookies: boolean;
  oidc: { issuer: string; clientId: string; clientSecret: string; displayName: string } | null;
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: string[] };

export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): ConfigResult {
  const raw = Object.fromEntries(
    (Object.keys(configKeys) as ConfigKey[]).map((k) => [k, env[k] ?? configKeys[k].default]),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${String(i.path[0])}=${JSON.stringify(raw[String(i.path[0])])}: ${i.message}`),
    };
  }
  const c = parsed.data;
  if (c.MOTCUA_OIDC_ISSUER && !c.MOTCUA_OIDC_CLIENT_ID) {
    return { ok: false, problems: ['MOTCUA_OIDC_CLIENT_ID="": required when MOTCUA_OIDC_ISSUER is set'] };
  }
  if (c.MOTCUA_STORAGE_DRIVER === 's3') {
    const missing = (['MOTCUA_S3_ENDPOINT', 'MOTCUA_S3_BUCKET', 'MOTCUA_S3_ACCESS_KEY_ID', 'MOTCUA_S3_SECRET_ACCESS_KEY'] as const).filter((k) => !c[k]);
    if (missing.length > 0) return { ok: false, problems: missing.map((k) => `${k}="": required when MOTCUA_STORAGE_DRIVER=s3`) };
  }
  const signatureProblems = signatureConfigProblems(c);
  if (signatureProblems.length > 0) return { ok: false, problems: signatureProblems };
  const dataDir = path.resolve(cwd, c.MOTCUA_DATA_DIR);
  return {
    ok: true,
    config: {
      server: {
        port: c.MOTCUA_PORT,
        host: c.MOTCUA_HOST,
        publicUrl: c.MOTCUA_PUBLIC_URL.replace(/\/$/, ''),
        trustProxy: c.MOTCUA_TRUST_PROXY,
        bodyLimitBytes: c.MOTCUA_BODY_LIMIT_BYTES,
      },
      database: c.DATABASE_URL
        ? { kind: 'postgres', url: c.DATABASE_URL, poolSize: c.MOTCUA_DB_POOL_SIZE }
        : { kind: 'pglite', dataDir: path.join(dataDir, 'pg') },
      dataDir,
      storage: {
        dir: c.MOTCUA_STORAGE_DIR ? path.resolve(cwd, c.MOTCUA_STORAGE_DIR) : path.join(dataDir, 'files'),
        s3:
          c.MOTCUA_STORAGE_DRIVER === 's3'
            ? {
                endpoint: c.MOTCUA_S3_ENDPOINT,
                bucket: c.MOTCUA_S3_BUCKET,
                region: c.MOTCUA_S3_REGION,
                accessKeyId: c.MOTCUA_S3_ACCESS_KEY_ID,
                secretAccessKey: c.MOTCUA_S3_SECRET_ACCESS_KEY,
                prefix: c.MOTCUA_S3_PREFIX,
              }
            : null,
      },
      migrateOnStart: c.MOTCUA_MIGRATE_ON_START,
      logLevel: c.MOTCUA_LOG_LEVEL,
      seedDemo: c.MOTCUA_SEED_DEMO,
      catalog: { hoursPerWorkingDay: c.MOTCUA_CATALOG_HOURS_PER_WORKING_DAY },
      webDist: c.MOTCUA_WEB_DIST
        ? path.resolve(cwd, c.MOTCUA_WEB_DIST)
        : path.resolve(import.meta.dirname, '../../web/dist'),
      smtp: c.MOTCUA_SMTP_URL ? { url: c.MOTCUA_SMTP_URL, from: c.MOTCUA_SMTP_FROM } : null,
      jobs: { pollMilliseconds: c.MOTCUA_JOB_POLL_MS },
      auth: {
        sessionIdleSeconds: c.MOTCUA_SESSION_IDLE_MINUTES * 60,
        sessionAbsoluteSeconds: c.MOTCUA_SESSION_ABSOLUTE_HOURS * 3600,
        sessionPendingSeconds: 300,
        rateLimitPerMinute: c.MOTCUA_AUTH_RATE_LIMIT_PER_MINUTE,
        totpIssuer: c.MOTCUA_TOTP_ISSUER,
        secureCookies: c.MOTCUA_PUBLIC_URL.startsWith('https://'),
        oidc: c.MOTCUA_OIDC_ISSUER
          ? {
              issuer: c.MOTCUA_OIDC_ISSUER,
              clientId: c.MOTCUA_OIDC_CLIENT_ID,
              clientSecret: c.MOTCUA_OIDC_CLIENT_SECRET,
              displayName: c.MOTCUA_OIDC_DISPLAY_NAME,
            }
          : null,
      },
      dossiers: dossierConfigOf(c),
      documents: documentConfigOf(c),
      signatures: signatureConfigOf(c, cwd),
    },
  };
}
