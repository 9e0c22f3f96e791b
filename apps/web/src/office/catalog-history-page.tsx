/** A procedure's versions (/office/catalog/procedures/:code): who published when, and what the latest changed. */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { procedureDiffResponse } from '@motcua/contracts/catalog';
import { procedureHistoryResponse } from '@motcua/contracts/catalog-admin';
import { api, useErrorText, type Infer } from '../api';
import { useCatalogText } from '../catalog/catalog-text';
import '../catalog/catalog.css';
import { usePageTitle } from '../shell/page-title';
import { DataTable, Spinner, type Column } from '../ui';

type Version = Infer<typeof procedureHistoryResponse>['versions'][number];

export default function CatalogHistoryPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation(['catalog', 'common']);
  const text = useCatalogText();
  const errorText = useErrorText();
  usePageTitle(t('office.historyTitle', { code }), 'officeName');
  const history = useQuery({ queryKey: ['history', code], queryFn: () => api.get(`/admin/procedures/${code}/history`, procedureHistoryResponse) });
  const latest = history.data?.versions[0]?.versionNo ?? 0;
  const diff = useQuery({
    queryKey: ['diff', code, latest],
    queryFn: () => api.get(`/procedures/${code}/diff?from=${latest - 1}&to=${latest}`, procedureDiffResponse),
    enabled: latest > 1,
  });

  const columns: Column<Version>[] = [
    { key: 'version', header: t('office.historyColumns.version'), cell: (v) => v.versionNo, sortValue: (v) => v.versionNo, isRowHeader: true },
    { key: 'from', header: t('office.historyColumns.from'), cell: (v) => text.date(v.effectiveFrom), sortValue: (v) => v.effectiveFrom },
    { key: 'to', header: t('office.historyColumns.to'), cell: (v) => (v.effectiveTo ? text.date(v.effectiveTo) : '—'), sortValue: (v) => v.effectiveTo ?? '' },
    { key: 'publishedAt', header: t('office.historyColumns.publishedAt'), cell: (v) => text.instant(v.publishedAt), sortValue: (v) => v.publishedAt },
    { key: 'note', header: t('office.historyColumns.note'), cell: (v) => v.changeNote ?? '', sortValue: (v) => v.changeNote ?? '' },
  ];

  return (
    <div className="page">
      <p>
        <Link to="/office/catalog">{t('office.title')}</Link>
      </p>
      <h1>{t('office.historyTitle', { code })}</h1>
      {history.isPending && <Spinner label={t('common:loading')} />}
      {history.isError && <p role="alert">{errorText(history.error)}</p>}
      {history.data && (
        <DataTable
          caption={t('office.historyTitle', { code })}
          captionHidden
          columns={columns}
          rows={history.data.versions}
          rowKey={(v) => v.id}
          defaultSort={{ key: 'version', direction: 'descending' }}
        />
      )}
      {latest > 1 && (
        <section aria-labelledby="diff-title">
          <h2 id="diff-title">{t('office.diffTitle')}</h2>
          {diff.data && diff.data.changes.length === 0 && <p>{t('office.noDiff')}</p>}
          {diff.data && (
            <ul>
              {diff.data.changes.map((c) => (
                <li key={`${c.kind}-${c.path}`}>
                  <code>{c.path}</code> ({c.kind})
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
