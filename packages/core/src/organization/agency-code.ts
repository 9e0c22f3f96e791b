/**
 * Agency identifier codes (legal-spec §4.2).
 *
 * - QĐ 20/2020/QĐ-TTg Art. 4: at most 35 characters of [0-9A-Z.], groups separated by dots, developed left to
 *   right; the first group is the level-1 code `MX1X2` with M ∈ A..Y (e.g. `H57.12.05`).
 * - QCVN 102:2016 (used inside dossier codes, TT 01/2018 Art. 19): four groups written right to left by level,
 *   `V1V2V3.Z1Z2.Y1Y2.MX1X2` — level 1 at the right (e.g. `000.00.00.H57`, the People's Committee of Huế).
 *
 * Both forms coexist in practice, so both are accepted; anything else is rejected with a field message.
 */
import { domainError, err, ok, type DomainError, type Result } from '@motcua/core/shared';

export type AgencyCodeForm = 'qcvn102' | 'qd20';

export interface AgencyCodeInfo {
  readonly code: string;
  readonly form: AgencyCodeForm;
  /** The level-1 unit (ministry or province), e.g. 'H57'. */
  readonly levelOneCode: string;
}

export const AGENCY_CODE_MAX_LENGTH = 35;
const LEVEL_ONE = /^[A-Y]\d{2}$/;
const QCVN_102 = /^\d{3}\.\d{2}\.\d{2}\.[A-Y]\d{2}$/;
const GROUP = /^[0-9A-Z]+$/;

export type AgencyCodeProblem = 'empty' | 'too-long' | 'characters' | 'empty-group' | 'form';

const messages: Record<AgencyCodeProblem, string> = {
  empty: 'Mã định danh cơ quan không được để trống | The agency code must not be empty',
  'too-long': `Mã định danh cơ quan dài tối đa ${AGENCY_CODE_MAX_LENGTH} ký tự | The agency code has at most ${AGENCY_CODE_MAX_LENGTH} characters`,
  characters:
    'Mã định danh chỉ gồm chữ in hoa không dấu, chữ số và dấu chấm | The agency code may contain only A–Z, 0–9 and dots',
  'empty-group': 'Mã định danh có nhóm rỗng giữa hai dấu chấm | The agency code has an empty group between dots',
  form:
    'Mã định danh phải theo QCVN 102:2016 (vd. 000.00.00.H57) hoặc QĐ 20/2020/QĐ-TTg (vd. H57.12) | ' +
    'The agency code must follow QCVN 102:2016 (e.g. 000.00.00.H57) or QĐ 20/2020/QĐ-TTg (e.g. H57.12)',
};

/** The bilingual "vi | en" message for a problem (the HTTP layer splits it by Accept-Language). */
export function agencyCodeMessage(problem: AgencyCodeProblem): string {
  return messages[problem];
}

export function checkAgencyCode(code: string): AgencyCodeProblem | null {
  if (code.length === 0) return 'empty';
  if (code.length > AGENCY_CODE_MAX_LENGTH) return 'too-long';
  if (!/^[0-9A-Z.]+$/.test(code)) return 'characters';
  const groups = code.split('.');
  if (groups.some((g) => !GROUP.test(g))) return 'empty-group';
  if (QCVN_102.test(code) || LEVEL_ONE.test(groups[0]!)) return null;
  return 'form';
}

export function parseAgencyCode(code: string): Result<AgencyCodeInfo, DomainError<'AGENCY_CODE_INVALID'>> {
  const problem = checkAgencyCode(code);
  if (problem) return err(domainError('AGENCY_CODE_INVALID', messages[problem], { field: 'code', problem }));
  const groups = code.split('.');
  if (QCVN_102.test(code)) return ok({ code, form: 'qcvn102', levelOneCode: groups[3]! });
  return ok({ code, form: 'qd20', levelOneCode: groups[0]! });
}

export function isValidAgencyCode(code: string): boolean {
  return checkAgencyCode(code) === null;
}
