/**
 * The dossier engine's configuration keys (spread into config.ts): the rules a deployment may tune, attachment
 * limits, the deadline sweep and the SMS gateway. Every default works on a laptop (SMS off).
 */
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const dossierConfigKeys = {
  MOTCUA_RECEPTION_CHECK_WORKING_HOURS: {
    default: '8',
    description: 'Working hours the desk has to check an online dossier (status 1) before receiving or refusing it.',
  },
  MOTCUA_DEADLINE_WARNING_WORKING_HOURS: {
    default: '8',
    description: 'Warn the assignee and the desk supervisor when a step or dossier is due within this many working hours.',
  },
  MOTCUA_DEADLINE_SWEEP_SECONDS: { default: '300', description: 'How often the deadline sweep runs (one server at a time).' },
  MOTCUA_CLOCK_STARTS_AT_COMPETENT_AGENCY: {
    default: 'true',
    description:
      'For dossiers received regardless of administrative boundary, start the legal clock when the competent agency receives them (NĐ 118 Art. 17(3) as amended).',
  },
  MOTCUA_REFUSED_AFTER_APPRAISAL_STATUS: {
    default: '3',
    description: 'National status code synced for a refusal after appraisal (3 or 8; DVCQG guidance unverified).',
  },
  MOTCUA_DOSSIER_CODE_CENTRAL_DIGITS: {
    default: '',
    description:
      'The two digits AA of the TT 04/2025 central dossier code format (centrally provided services). Empty: that format is not used.',
  },
  MOTCUA_ATTACHMENT_MAX_FILE_MB: { default: '20', description: 'Largest attachment file, in MB.' },
  MOTCUA_ATTACHMENT_MAX_DOSSIER_MB: { default: '100', description: 'Largest total of a dossier’s attachments, in MB.' },
  MOTCUA_TRACKING_RATE_LIMIT_PER_MINUTE: {
    default: '10',
    description: 'Public dossier tracking attempts per minute and client address.',
  },
  MOTCUA_SMS_VNPT_URL: {
    default: '',
    description: 'VNPT SMS brandname gateway (JSON send_sms_list) URL. Empty: SMS notices are off.',
  },
  MOTCUA_SMS_VNPT_USER: { default: '', description: 'VNPT SMS API user (APIUSER).' },
  MOTCUA_SMS_VNPT_PASSWORD: { default: '', description: 'VNPT SMS API password (APIPASS).' },
  MOTCUA_SMS_VNPT_LABEL_ID: { default: '', description: 'VNPT SMS brandname label id (LABELID).' },
  MOTCUA_SMS_VNPT_CONTRACT_ID: { default: '', description: 'VNPT SMS contract id (CONTRACTID).' },
  MOTCUA_SMS_VNPT_TEMPLATE_ID: {
    default: '',
    description: 'VNPT SMS registered template id (TEMPLATEID) with one parameter {1} carrying the notice.',
  },
} as const satisfies Record<string, { default: string; description: string }>;

export const dossierConfigSchema = {
  MOTCUA_RECEPTION_CHECK_WORKING_HOURS: int(1, 200),
  MOTCUA_DEADLINE_WARNING_WORKING_HOURS: int(1, 200),
  MOTCUA_DEADLINE_SWEEP_SECONDS: int(5, 86_400),
  MOTCUA_CLOCK_STARTS_AT_COMPETENT_AGENCY: bool,
  MOTCUA_REFUSED_AFTER_APPRAISAL_STATUS: z.enum(['3', '8']).transform(Number),
  MOTCUA_DOSSIER_CODE_CENTRAL_DIGITS: z.union([z.literal(''), z.string().regex(/^\d{2}$/, 'must be two digits')]),
  MOTCUA_ATTACHMENT_MAX_FILE_MB: int(1, 2048),
  MOTCUA_ATTACHMENT_MAX_DOSSIER_MB: int(1, 20_480),
  MOTCUA_TRACKING_RATE_LIMIT_PER_MINUTE: int(1, 100_000),
  MOTCUA_SMS_VNPT_URL: z.union([z.literal(''), z.url()]),
  MOTCUA_SMS_VNPT_USER: z.string(),
  MOTCUA_SMS_VNPT_PASSWORD: z.string(),
  MOTCUA_SMS_VNPT_LABEL_ID: z.string(),
  MOTCUA_SMS_VNPT_CONTRACT_ID: z.string(),
  MOTCUA_SMS_VNPT_TEMPLATE_ID: z.string(),
};

type Parsed = { [K in keyof typeof dossierConfigSchema]: z.infer<(typeof dossierConfigSchema)[K]> };

export interface DossierConfig {
  receptionCheckWorkingHours: number;
  warningWorkingHours: number;
  sweepSeconds: number;
  clockStartsAtCompetentAgency: boolean;
  refusedAfterAppraisalStatus: 3 | 8;
  centralSystemDigits: string | null;
  attachments: { maxFileBytes: number; maxDossierBytes: number };
  trackingRateLimitPerMinute: number;
  sms: {
    url: string;
    apiUser: string;
    apiPassword: string;
    labelId: string;
    contractId: string;
    templateId: string;
  } | null;
}

export function dossierConfigOf(c: Parsed): DossierConfig {
  const mb = 1024 * 1024;
  return {
    receptionCheckWorkingHours: c.MOTCUA_RECEPTION_CHECK_WORKING_HOURS,
    warningWorkingHours: c.MOTCUA_DEADLINE_WARNING_WORKING_HOURS,
    sweepSeconds: c.MOTCUA_DEADLINE_SWEEP_SECONDS,
    clockStartsAtCompetentAgency: c.MOTCUA_CLOCK_STARTS_AT_COMPETENT_AGENCY,
    refusedAfterAppraisalStatus: c.MOTCUA_REFUSED_AFTER_APPRAISAL_STATUS as 3 | 8,
    centralSystemDigits: c.MOTCUA_DOSSIER_CODE_CENTRAL_DIGITS || null,
    attachments: { maxFileBytes: c.MOTCUA_ATTACHMENT_MAX_FILE_MB * mb, maxDossierBytes: c.MOTCUA_ATTACHMENT_MAX_DOSSIER_MB * mb },
    trackingRateLimitPerMinute: c.MOTCUA_TRACKING_RATE_LIMIT_PER_MINUTE,
    sms: c.MOTCUA_SMS_VNPT_URL
      ? {
          url: c.MOTCUA_SMS_VNPT_URL,
          apiUser: c.MOTCUA_SMS_VNPT_USER,
          apiPassword: c.MOTCUA_SMS_VNPT_PASSWORD,
          labelId: c.MOTCUA_SMS_VNPT_LABEL_ID,
          contractId: c.MOTCUA_SMS_VNPT_CONTRACT_ID,
          templateId: c.MOTCUA_SMS_VNPT_TEMPLATE_ID,
        }
      : null,
  };
}
