/**
 * Personal data never reaches the logs: values under keys that name personal data are masked, and request logs
 * carry the path without its query string.
 */
const PERSONAL_KEY =
  /pass(word)?|secret|token|otp|totp|cookie|authorization|phone|email|e-mail|address|idnumber|identity|citizenid|cccd|cmnd|birth|dob|fullname|ownername|applicantname/i;

export function maskValue(value: unknown): string {
  if (typeof value !== 'string') return '***';
  if (value.length <= 4) return '***';
  return `${value.slice(0, 2)}***${value.slice(-2)}`;
}

export function maskPersonalData(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskPersonalData(v, depth + 1));
  // Only plain data is rewritten: requests, errors and other class instances go to their serializers intact.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = PERSONAL_KEY.test(k) && v !== null && typeof v !== 'object' ? maskValue(v) : maskPersonalData(v, depth + 1);
  }
  return out;
}

export const logSerializers = {
  req(request: { method: string; url: string; id: unknown; headers: Record<string, unknown> }) {
    return {
      id: request.id,
      method: request.method,
      path: String(request.url ?? '').split('?')[0],
      userAgent: request.headers['user-agent'],
    };
  },
  res(reply: { statusCode: number }) {
    return { statusCode: reply.statusCode };
  },
  err(error: Error & { code?: unknown; statusCode?: unknown }) {
    return { type: error.name, message: error.message, code: error.code, stack: error.stack ?? '' };
  },
};

/** pino `formatters.log`: masks every structured log object. */
export function maskLogObject(object: Record<string, unknown>): Record<string, unknown> {
  return maskPersonalData(object) as Record<string, unknown>;
}
