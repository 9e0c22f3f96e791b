/**
 * A fake of the VNPT (VinaPhone) SMS brandname gateway, JSON protocol `send_sms_list` (integrations.md §4.1):
 *
 *   POST /  {"RQST": {"name": "send_sms_list", "REQID", "LABELID", "CONTRACTTYPEID", "CONTRACTID", "TEMPLATEID",
 *            "PARAMS": [{"NUM": "1", "CONTENT": "..."}], "SCHEDULETIME", "MOBILELIST": "84…", "ISTELCOSUB",
 *            "AGENTID", "APIUSER", "APIPASS", "USERNAME", "DATACODING": "0"}}
 *   → 200 {"RPLY": {"name": "send_sms_list", "ERROR": "0", "ERROR_DESC": "success"}}   ("0" = accepted)
 *
 * It checks the credentials, the registered template and its parameter count, and the phone format, and keeps what
 * a citizen would receive (GET /_control/messages?phone=84…). Faults: HTTP 503 or an ERROR code for the next n
 * requests. Error codes other than "0" are the simulator's own (the carrier's list is UNVERIFIED). It imports
 * nothing from MotCua: it must not share the adapter's understanding of the protocol.
 */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';

export interface SimulatedSms {
  readonly requestId: string;
  readonly phone: string;
  readonly templateId: string;
  readonly params: readonly string[];
  readonly text: string;
  readonly receivedAt: Date;
}

export interface VnptSmsSimulatorOptions {
  readonly apiUser?: string;
  readonly apiPassword?: string;
  /** Template id → its text with {1}, {2}… placeholders. */
  readonly templates?: Readonly<Record<string, string>>;
}

export interface VnptSmsSimulator {
  readonly url: string;
  readonly messages: SimulatedSms[];
  /** Every request body received, valid or not. */
  readonly requests: unknown[];
  messagesTo(phone: string): SimulatedSms[];
  failNext(count: number, how: 'http-503' | 'error-code'): void;
  close(): Promise<void>;
}

const reply = (error: string, description: string) => ({ RPLY: { name: 'send_sms_list', ERROR: error, ERROR_DESC: description } });

export async function startVnptSmsSimulator(options: VnptSmsSimulatorOptions = {}): Promise<VnptSmsSimulator> {
  const apiUser = options.apiUser ?? 'motcua';
  const apiPassword = options.apiPassword ?? 'secret';
  const templates = options.templates ?? { '1001': '{1}' };
  const messages: SimulatedSms[] = [];
  const requests: unknown[] = [];
  let faults: { count: number; how: 'http-503' | 'error-code' } = { count: 0, how: 'http-503' };

  const app = Fastify({ logger: false });
  app.post('/', async (request, replyTo) => {
    requests.push(request.body);
    if (faults.count > 0) {
      faults = { ...faults, count: faults.count - 1 };
      if (faults.how === 'http-503') return replyTo.code(503).send('Service Unavailable');
      return reply('99', 'temporary failure (simulated)');
    }
    const rqst = (request.body as { RQST?: Record<string, unknown> } | null)?.RQST;
    if (!rqst || rqst.name !== 'send_sms_list') return reply('1', 'unknown request');
    if (rqst.APIUSER !== apiUser || rqst.APIPASS !== apiPassword) return reply('2', 'authentication failed');
    const template = templates[String(rqst.TEMPLATEID)];
    if (template === undefined) return reply('3', 'template not registered');
    const params = Array.isArray(rqst.PARAMS) ? (rqst.PARAMS as { NUM?: unknown; CONTENT?: unknown }[]) : [];
    const expected = (template.match(/\{\d+\}/g) ?? []).length;
    if (params.length !== expected || params.some((p, i) => String(p.NUM) !== String(i + 1) || typeof p.CONTENT !== 'string')) {
      return reply('4', 'template parameters do not match');
    }
    const phone = String(rqst.MOBILELIST ?? '');
    if (!/^84\d{9}$/.test(phone)) return reply('5', 'invalid phone number');
    const values = params.map((p) => String(p.CONTENT));
    const text = template.replace(/\{(\d+)\}/g, (_m, n: string) => values[Number(n) - 1] ?? '');
    messages.push({ requestId: String(rqst.REQID ?? ''), phone, templateId: String(rqst.TEMPLATEID), params: values, text, receivedAt: new Date() });
    return reply('0', 'success');
  });
  app.get('/_control/messages', async (request) => {
    const phone = (request.query as { phone?: string }).phone;
    return phone ? messages.filter((m) => m.phone === phone) : messages;
  });
  app.post('/_control/reset', async () => {
    messages.length = 0;
    requests.length = 0;
    faults = { count: 0, how: 'http-503' };
    return { ok: true };
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    messages,
    requests,
    messagesTo: (phone) => messages.filter((m) => m.phone === phone),
    failNext: (count, how) => {
      faults = { count, how };
    },
    close: () => app.close(),
  };
}
