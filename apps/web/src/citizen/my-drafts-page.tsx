/** The citizen's drafts: resume one (on any device) or discard it. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { draftsResponse } from '@motcua/contracts/portal';
import { api, useErrorText } from '../api';
import { RequireUser } from '../shell/require-user';
import { usePageTitle } from '../shell/page-title';
import { Button, EmptyState, Spinner, buttonClass, useToast } from '../ui';
import { queryKeys } from './citizen-api';
import { formatInstant } from './dossier-view';
import './citizen.css';

export default function MyDraftsPage() {
  return <RequireUser kind="citizen" loginPath="/login">{() => <Drafts />}</RequireUser>;
}

function Drafts() {
  const { t, i18n } = useTranslation('citizen');
  const errorText = useErrorText();
  const toast = useToast();
  const queryClient = useQueryClient();
  usePageTitle(t('drafts.title'));
  const drafts = useQuery({ queryKey: queryKeys.drafts, queryFn: () => api.get('/portal/drafts', draftsResponse) });
  const discard = useMutation({
    mutationFn: (id: string) => api.delete(`/portal/drafts/${id}`),
    onSuccess: () => {
      toast.show(t('drafts.discarded'), 'success');
      void queryClient.invalidateQueries({ queryKey: queryKeys.drafts });
    },
    onError: (error) => toast.show(errorText(error), 'error'),
  });
  return (
    <div className="page">
      <h1>{t('drafts.title')}</h1>
      <p className="lead">{t('drafts.lead')}</p>
      {drafts.isPending && <Spinner label={t('submit.loading')} />}
      {drafts.error && <p className="notice notice--danger">{errorText(drafts.error)}</p>}
      {drafts.data?.items.length === 0 && (
        <EmptyState title={t('drafts.empty')}>
          <Link to="/procedures">{t('drafts.find')}</Link>
        </EmptyState>
      )}
      <ul className="card-list">
        {drafts.data?.items.map((d) => (
          <li key={d.id} className="card">
            <h2 className="card-list__title">{d.procedureName ?? d.procedureCode}</h2>
            {d.caseName && <p>{d.caseName}</p>}
            <p className="field__hint">{t('drafts.savedAt', { time: formatInstant(d.updatedAt, i18n.language) })}</p>
            <div className="btn-row">
              <Link className={buttonClass('primary')} to={`/procedures/${encodeURIComponent(d.procedureCode)}/submit?draft=${d.id}`}>
                {t('submit.resume')}
              </Link>
              <Button variant="secondary" busy={discard.isPending && discard.variables === d.id} onClick={() => discard.mutate(d.id)}>
                {t('drafts.discard')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
