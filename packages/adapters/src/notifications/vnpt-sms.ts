/**
 * SMS through the VNPT (VinaPhone) brandname gateway, JSON protocol `send_sms_list` (integrations.md §4.1, VERIFIED
 * in a provincial system's code). The carrier sends only registered templates: ours is one template whose single
 * parameter carries the whole (unaccented) notice. `REQID` is our message id, so the carrier's logs can be matched.
 * A reply `ERROR` other than "0" is a rejection (not retried); network errors and HTTP 5xx are retried by the job.
 */
import type { SmsMessage, SmsSender } from '@motcua/core/notifications';

export interface VnptSmsOptions {
  readonly url: string;
  readonly apiUser: string;
  readonly apiPassword: string;
  readonly username?: string;
  readonly agentId?: string;
  readonly labelId: string;
  readonly contractTypeId?: string;
  readonly contractId: string;
  /** A registered template with one parameter {1} that carries the text. */
  readonly templateId: string;
  readonly timeoutMs?: number;
}

export class SmsRejectedError extends Error {
  readonly permanent = true;
  constructor(message: string) {
    super(message);
    this.name = 'SmsRejectedError';
  }
}

/** 0912 345 678, +84912345678, 84912345678 → 84912345678; anything else is not a Vietnamese mobile number. */
export function normaliseVietnamesePhone(value: string): string | null {
  const digits = value.replace(/[\s.()-]/g, '').replace(/^\+/, '');
  if (/^0\d{9}$/.test(digits)) return `84${digits.slice(1)}`;
  if (/^84\d{9}$/.test(digits)) return digits;
  return null;
}

/** GSM-friendly text (DATACODING 0): Vietnamese letters without diacritics, đ → d. */
export function unaccented(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

export function createVnptSmsSender(options: VnptSmsOptions): SmsSender {
  return {
    async send(message: SmsMessage) {
      const phone = normaliseVietnamesePhone(message.to);
      if (!phone) throw new SmsRejectedError('Not a Vietnamese mobile number');
      const body = {
        RQST: {
          name: 'send_sms_list',
          REQID: message.messageId,
          LABELID: options.labelId,
          CONTRACTTYPEID: options.contractTypeId ?? '1',
          CONTRACTID: options.contractId,
          TEMPLATEID: options.templateId,
          PARAMS: [{ NUM: '1', CONTENT: unaccented(message.text) }],
          SCHEDULETIME: '',
          MOBILELIST: phone,
          ISTELCOSUB: '0',
          AGENTID: options.agentId ?? '',
          APIUSER: options.apiUser,
          APIPASS: options.apiPassword,
          USERNAME: options.username ?? options.apiUser,
          DATACODING: '0',
        },
      };
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      if (!response.ok) throw new Error(`VNPT SMS gateway answered HTTP ${response.status}`);
      const reply = (await response.json().catch(() => null)) as { RPLY?: { ERROR?: unknown; ERROR_DESC?: unknown } } | null;
      const error = reply?.RPLY?.ERROR;
      if (error === undefined) throw new Error('VNPT SMS gateway answered without RPLY.ERROR');
      if (String(error) !== '0') throw new SmsRejectedError(`VNPT SMS rejected: ${String(error)} ${String(reply?.RPLY?.ERROR_DESC ?? '')}`.trim());
      return { providerMessageId: message.messageId };
    },
  };
}
