/**
 * "Tờ khai trực tuyến" on the officer's dossier page: what the citizen declared in the portal's wizard, with the
 * form's labels (the shared read-only view in citizen/declaration-view.tsx). Only online dossiers can have one; an
 * online dossier submitted without the wizard answers DOSSIER_DECLARATION_NOT_FOUND and the section stays away.
 */
import { useTranslation } from 'react-i18next';
import { DeclarationSection } from '../../citizen/declaration-view';
import type { Dossier } from '../desk/desk-queries';

export function OnlineDeclaration({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('citizen');
  if (dossier.channel !== 'online') return null;
  return <DeclarationSection dossierId={dossier.id} title={t('declaration.title')} className="dossier__section" />;
}
