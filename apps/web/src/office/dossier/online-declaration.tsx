/**
 * "Tờ khai trực tuyến" on the officer's dossier page and, folded, in the leader's review panel: what the citizen
 * declared in the portal's wizard, with the form's labels (the shared read-only view in citizen/declaration-view.tsx).
 * Only online dossiers can have one; an online dossier submitted without the wizard answers
 * DOSSIER_DECLARATION_NOT_FOUND and the section stays away.
 */
import { useTranslation } from 'react-i18next';
import { DeclarationSection } from '../../citizen/declaration-view';
import type { Dossier } from '../desk/desk-queries';

export function OnlineDeclaration({
  dossier,
  collapsible = false,
  className = 'dossier__section',
  headingId,
}: {
  dossier: Pick<Dossier, 'id' | 'channel'>;
  collapsible?: boolean;
  className?: string;
  headingId?: string;
}) {
  const { t } = useTranslation('citizen');
  if (dossier.channel !== 'online') return null;
  return (
    <DeclarationSection
      dossierId={dossier.id}
      title={t('declaration.title')}
      className={className}
      collapsible={collapsible}
      {...(headingId ? { headingId } : {})}
    />
  );
}
