/** How the dossier's values read on the officer's screens: states with their tone, instants in Vietnam time. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVietnamTime } from '../../calendar/calendar-queries';
import type { StatusTone } from '../../ui';
import type { Dossier } from './desk-queries';

export type DossierState = Dossier['state'];

export const stateTone: Record<DossierState, StatusTone> = {
  submitted: 'info',
  guided: 'neutral',
  refused_at_reception: 'danger',
  received: 'info',
  processing: 'info',
  supplement_requested: 'warning',
  awaiting_payment: 'warning',
  refused_after_appraisal: 'danger',
  withdrawn: 'neutral',
  stopped: 'neutral',
  result_ready: 'success',
  in_postal_return: 'success',
  returned: 'success',
};

export function useDeskText() {
  const { i18n } = useTranslation('desk');
  const instant = useCallback((iso: string | null | undefined) => (iso ? formatVietnamTime(iso, i18n.language) : '—'), [i18n.language]);
  return { instant };
}

/** The due time that counts: the extended one when an extension was granted. */
export const dueOf = (d: { dueAt: string | null; extendedDueAt: string | null }) => d.extendedDueAt ?? d.dueAt;
