/**
 * The dossier code (mã số hồ sơ), assigned once at reception and never changed (NĐ 45/2020 Art. 12).
 *
 * Formats are pluggable with effective dates, because the law changes them:
 * - TT 01/2018/TT-VPCP Art. 19 (legal-spec §4.1): `<receiving unit code>-YYMMDD-NNNN`;
 * - TT 03/2025 Art. 13(3), added by TT 04/2025 Art. 23(2), in force 25/01/2026, for centrally provided nationwide
 *   services (legal-spec §16.9): `<deciding agency identifier>-YYMMDD-AANNNN`, AA two digits of the central system
 *   owner's identifier;
 * - the general format of TT 03/2025 Art. 13(1)–(2) is unread (UNVERIFIED): TT 01/2018's stays the default.
 *
 * YYMMDD is the local (Asia/Ho_Chi_Minh) reception date; NNNN the day's sequence per code prefix, at least four
 * digits and growing to five past 9,999 rather than failing. The database hands out the sequence (gapless).
 */

/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The local calendar date of an instant in Việt Nam, 'YYYY-MM-DD'. */
export function localDateOf(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The local wall-clock time of an instant in Việt Nam, 'HH:MM'. */
export function localTimeOf(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(11, 16);
}

export interface DossierCodeInput {
  /** Agency identifier code of the desk that received the dossier, e.g. 000.00.07.H57. */
  readonly receivingUnitCode: string;
  /** Electronic identifier of the agency that decides (central format). */
  readonly decidingAgencyCode: string;
  readonly receivedAt: Date;
  readonly isCentrallyProvided: boolean;
  /** AA of the central format; the central format applies only when the deployment configures it. */
  readonly centralSystemDigits: string | null;
}

export interface DossierCodeFormat {
  readonly id: string;
  readonly legalBasis: string;
  /** Local dates, inclusive; null = open. */
  readonly effectiveFrom: string | null;
  readonly effectiveTo: string | null;
  appliesTo(input: DossierCodeInput): boolean;
  /** Everything before the sequence: codes are numbered per prefix (per unit per day, by construction). */
  prefix(input: DossierCodeInput): string;
  /** The sequence part: at least `minDigits`, more when the day needs it. */
  readonly minDigits: number;
}

function yymmdd(instant: Date): string {
  const d = localDateOf(instant);
  return `${d.slice(2, 4)}${d.slice(5, 7)}${d.slice(8, 10)}`;
}

export const tt01Format: DossierCodeFormat = {
  id: 'tt01-2018',
  legalBasis: 'TT 01/2018/TT-VPCP Art. 19',
  effectiveFrom: '2019-01-06',
  effectiveTo: null,
  appliesTo: () => true,
  prefix: (input) => `${input.receivingUnitCode}-${yymmdd(input.receivedAt)}-`,
  minDigits: 4,
};

export const centralFormat2026: DossierCodeFormat = {
  id: 'tt04-2025-central',
  legalBasis: 'TT 03/2025/TT-VPCP Art. 13(3), added by TT 04/2025/TT-VPCP Art. 23(2)',
  effectiveFrom: '2026-01-25',
  effectiveTo: null,
  appliesTo: (input) => input.isCentrallyProvided && input.centralSystemDigits !== null,
  prefix: (input) => `${input.decidingAgencyCode}-${yymmdd(input.receivedAt)}-${input.centralSystemDigits ?? ''}`,
  minDigits: 4,
};

/** Most specific first: the first format in force that applies wins. */
export const defaultCodeFormats: readonly DossierCodeFormat[] = [centralFormat2026, tt01Format];

export function selectCodeFormat(
  input: DossierCodeInput,
  formats: readonly DossierCodeFormat[] = defaultCodeFormats,
): DossierCodeFormat {
  const date = localDateOf(input.receivedAt);
  const format = formats.find(
    (f) =>
      (f.effectiveFrom === null || f.effectiveFrom <= date) &&
      (f.effectiveTo === null || date <= f.effectiveTo) &&
      f.appliesTo(input),
  );
  if (!format) throw new Error(`No dossier code format in force on ${date}`);
  return format;
}

export function formatDossierCode(prefix: string, sequence: number, minDigits = 4): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`Bad dossier code sequence ${sequence}`);
  return `${prefix}${String(sequence).padStart(minDigits, '0')}`;
}

const tt01Pattern = /^[0-9A-Z]+(\.[0-9A-Z]+)*-\d{6}-\d{4,}$/;
const centralPattern = /^[A-Z]\d{2}\.[0-9A-Z]{3}\.[0-9A-Z]{2}-\d{6}-\d{2}\d{4,}$/;

/** Whether a string looks like a dossier code of a known format (tracking lookups reject anything else early). */
export function isDossierCode(value: string): boolean {
  return value.length <= 64 && (tt01Pattern.test(value) || centralPattern.test(value));
}
