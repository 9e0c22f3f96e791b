/**
 * The rules of law the engine applies, as data with their defaults. Several are NĐ 61-era rules not yet
 * re-verified against NĐ 118/2025 (legal-spec §16.5): a deployment may change them without a code change.
 */
import { defaultCodeFormats, type DossierCodeFormat } from './dossier-code';
import { defaultStatusMapping, type StatusMapping } from './dossier-state';
import { defaultFormSets, type FormSet } from './forms';

export interface DossierPolicy {
  /** NĐ 118 Art. 11: a supplement may be requested only once. */
  readonly maxSupplementRequests: number;
  /** NĐ 61 Art. 19(4): a supplement request after appraisal within 3 working days of reception (flagged when later). */
  readonly supplementLateAfterWorkingDays: number;
  /** NĐ 61 Art. 19(9), Lai Châu QĐ 88/2025: the new appointment at most once. */
  readonly maxExtensions: number;
  /** The apology and extension no later than 1 working day before the due time. */
  readonly extensionNoticeWorkingDays: number;
  /** How long the desk has to check an online dossier (status 1), in working hours. */
  readonly onlineReceptionCheckWorkingHours: number;
  /** NĐ 118 Art. 17(3) as amended: boundary-free dossiers' clock starts when the competent agency receives them. */
  readonly clockStartsAtCompetentAgency: boolean;
  /** NĐ 118 Art. 18(2): paper received after this local time is transferred at the start of the next working day. */
  readonly paperTransferCutoff: string;
  /** Deadline warnings go out when a step or dossier is due within this many working hours. */
  readonly warningWorkingHours: number;
  readonly statusMapping: StatusMapping;
  readonly codeFormats: readonly DossierCodeFormat[];
  readonly formSets: readonly FormSet[];
  /** AA of the TT 04/2025 central code format; null = that format is not used by this deployment. */
  readonly centralSystemDigits: string | null;
}

export const defaultDossierPolicy: DossierPolicy = {
  maxSupplementRequests: 1,
  supplementLateAfterWorkingDays: 3,
  maxExtensions: 1,
  extensionNoticeWorkingDays: 1,
  onlineReceptionCheckWorkingHours: 8,
  clockStartsAtCompetentAgency: true,
  paperTransferCutoff: '15:00',
  warningWorkingHours: 8,
  statusMapping: defaultStatusMapping,
  codeFormats: defaultCodeFormats,
  formSets: defaultFormSets,
  centralSystemDigits: null,
};
