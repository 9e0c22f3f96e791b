/**
 * The signatures module's configuration keys (spread into config.ts): the master key that seals private keys,
 * the trusted roots of the verification, expiry warnings and the public verification's limits.
 */
import path from 'node:path';
import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * The DEMO master key used when MOTCUA_PKI_MASTER_KEY is empty outside production. It is published here, so keys
 * sealed with it are as good as unencrypted: for the demo and the tests only.
 */
export const DEMO_PKI_MASTER_KEY = '4d6f744375612044454d4f206d6173746572206b65792c206e6f742070726f64'; // "MotCua DEMO master key, not prod"

export const signatureConfigKeys = {
  MOTCUA_ENV: {
    default: 'development',
    description:
      'development or production. Production refuses demo defaults: the server does not start without MOTCUA_PKI_MASTER_KEY, and DEMO roots are not trusted.',
  },
  MOTCUA_PKI_MASTER_KEY: {
    default: '',
    description:
      'Master key sealing the private keys of signing certificates (AES-256-GCM): 64 hex digits or base64 of 32 random bytes. Empty: a published DEMO key (development only).',
  },
  MOTCUA_PKI_TRUSTED_ROOTS: {
    default: '',
    description:
      'PEM files (comma-separated) of the root certificates a signature must chain to, e.g. the national root CA. Added to the roots in the store (DEMO roots only outside production).',
  },
  MOTCUA_PKI_EXPIRY_WARNING_DAYS: {
    default: '30',
    description: 'Mark signing certificates expiring within this many days (certificate list API, `?expiring=true`).',
  },
  MOTCUA_PKI_TSA_URL: {
    default: '',
    description:
      'RFC 3161 time-stamping authority (http/https URL). Set: every signature gets a trusted timestamp (PAdES B-T) and signing waits and retries while the TSA is down. Empty: B-B, the signing time is the signer\'s claim.',
  },
  MOTCUA_PKI_CRL_FILES: {
    default: '',
    description: 'CRL files (comma-separated, PEM or DER) the verification checks certificates against, besides the CRLs at their distribution points.',
  },
  MOTCUA_PKI_CRL_FETCH: {
    default: 'true',
    description:
      'Fetch the CRL at the distribution point of certificates that chain to a trusted root (HTTP, 5 s timeout, cached 5 min). false: configured CRL files only.',
  },
  MOTCUA_VERIFY_MAX_MB: { default: '20', description: 'Largest PDF accepted by the public verification, in MB.' },
  MOTCUA_VERIFY_RATE_LIMIT_PER_MINUTE: {
    default: '30',
    description: 'Public verification requests per minute and client address.',
  },
} as const satisfies Record<string, { default: string; description: string }>;

export const signatureConfigSchema = {
  MOTCUA_ENV: z.enum(['development', 'production']),
  MOTCUA_PKI_MASTER_KEY: z.union([
    z.literal(''),
    z.string().regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'must be 64 hex digits or base64 of 32 bytes'),
  ]),
  MOTCUA_PKI_TRUSTED_ROOTS: z.string(),
  MOTCUA_PKI_EXPIRY_WARNING_DAYS: int(1, 365),
  MOTCUA_PKI_TSA_URL: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
  MOTCUA_PKI_CRL_FILES: z.string(),
  MOTCUA_PKI_CRL_FETCH: z.enum(['true', 'false']),
  MOTCUA_VERIFY_MAX_MB: int(1, 200),
  MOTCUA_VERIFY_RATE_LIMIT_PER_MINUTE: int(1, 100_000),
};

type Parsed = { [K in keyof typeof signatureConfigSchema]: z.infer<(typeof signatureConfigSchema)[K]> };

export interface SignatureConfig {
  production: boolean;
  /** The configured master key text; null in development when empty (the DEMO key is then used). */
  masterKey: string | null;
  trustedRootFiles: string[];
  expiryWarningDays: number;
  /** RFC 3161 TSA; null: signatures are B-B. */
  tsaUrl: string | null;
  crlFiles: string[];
  fetchCrls: boolean;
  verifyMaxBytes: number;
  verifyRateLimitPerMinute: number;
}

/** Problems that stop start-up (added to the configuration's list). */
export function signatureConfigProblems(c: Parsed): string[] {
  if (c.MOTCUA_ENV === 'production' && !c.MOTCUA_PKI_MASTER_KEY) {
    return ['MOTCUA_PKI_MASTER_KEY="": required when MOTCUA_ENV=production (private keys of signing certificates are sealed with it)'];
  }
  return [];
}

export function signatureConfigOf(c: Parsed, cwd: string): SignatureConfig {
  return {
    production: c.MOTCUA_ENV === 'production',
    masterKey: c.MOTCUA_PKI_MASTER_KEY || null,
    trustedRootFiles: c.MOTCUA_PKI_TRUSTED_ROOTS.split(',')
      .map((file) => file.trim())
      .filter(Boolean)
      .map((file) => path.resolve(cwd, file)),
    expiryWarningDays: c.MOTCUA_PKI_EXPIRY_WARNING_DAYS,
    tsaUrl: c.MOTCUA_PKI_TSA_URL || null,
    crlFiles: c.MOTCUA_PKI_CRL_FILES.split(',')
      .map((file) => file.trim())
      .filter(Boolean)
      .map((file) => path.resolve(cwd, file)),
    fetchCrls: c.MOTCUA_PKI_CRL_FETCH === 'true',
    verifyMaxBytes: c.MOTCUA_VERIFY_MAX_MB * 1024 * 1024,
    verifyRateLimitPerMinute: c.MOTCUA_VERIFY_RATE_LIMIT_PER_MINUTE,
  };
}
