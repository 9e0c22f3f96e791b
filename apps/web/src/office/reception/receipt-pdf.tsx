/**
 * The receipt to print is the issued document: the Form 01 PDF the documents module rendered and stored (the same
 * bytes the dossier keeps, SHA-256 in the documents list), opened in a new tab for the browser's print. The job
 * runner renders it within seconds of the reception; until then the list is asked again every 2 seconds.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { documentListResponse } from '@motcua/contracts/documents';
import { api } from '../../api';
import { buttonClass, Spinner } from '../../ui';
import { dossiersKey } from '../desk/desk-queries';

export function ReceiptPdfLink({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation('desk');
  const documents = useQuery({
    queryKey: [...dossiersKey, 'documents', dossierId],
    queryFn: ({ signal }) => api.get(`/dossiers/${encodeURIComponent(dossierId)}/documents`, documentListResponse, { signal }),
    refetchInterval: (query) => (query.state.data?.items.some((d) => d.kind === 'receipt') ? false : 2000),
  });
  const receipt = documents.data?.items.find((d) => d.kind === 'receipt' && d.replacedBy === null);
  if (!receipt) {
    return (
      <span role="status">
        <Spinner label={t('reception.done.pdfPending')} />
      </span>
    );
  }
  return (
    <a className={buttonClass('primary')} href={receipt.contentUrl} target="_blank" rel="noopener" data-sha256={receipt.sha256}>
      {t('forms.print.receipt')}
      <span className="visually-hidden"> {t('reception.done.pdfNewTab')}</span>
    </a>
  );
}
