/**
 * The procedure listing and search (/procedures?q=&field=&level=&onlineLevel=&page=): the header's search form
 * sends the words here; filters and the page live in the URL, so a result list can be bookmarked and shared.
 * Matches are marked in the names as the API highlights them (diacritics and typos ignored).
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { fieldsResponse, procedureListResponse } from '@motcua/contracts/catalog';
import { api, useErrorText, type Infer } from '../api';
import { useCatalogText } from '../catalog/catalog-text';
import { Highlighted } from '../catalog/highlighted';
import '../catalog/catalog.css';
import { usePageTitle } from '../shell/page-title';
import { Button, EmptyState, Pagination, Select, Spinner } from '../ui';

type Item = Infer<typeof procedureListResponse>['items'][number];
const PAGE_SIZE = 20;
const levels = ['commune', 'province', 'central', 'district_legacy'] as const;
const onlineLevels = ['full', 'partial', 'none'] as const;

function ProcedureItem({ item }: { item: Item }) {
  const { t } = useTranslation('catalog');
  const text = useCatalogText();
  const times = [...new Map(item.processingTimes.map((p) => [`${p.amount} ${p.unit}`, p])).values()];
  return (
    <li className="procedure-item">
      <h2 className="procedure-item__name">
        <Link to={`/procedures/${item.code}`}>
          <Highlighted segments={item.nameHighlighted} />
        </Link>
      </h2>
      <ul className="procedure-item__meta">
        <li>{t('list.code', { code: item.code })}</li>
        <li>{item.field.name}</li>
        {item.levels.map((level) => (
          <li key={level}>{t(`levels.${level}`)}</li>
        ))}
        {times.length > 0 && <li>{t('list.timeLimit', { time: times.map((p) => text.time(p)).join(' / ') })}</li>}
        <li>{t(`onlineLevels.${item.onlineLevel ?? 'unknown'}`)}</li>
        <li>{t('list.agency', { name: item.competentAgencyName })}</li>
        {!item.isVerified && (
          <li>
            <span className="catalog-tag catalog-tag--warn">{t('list.notVerified')}</span>
          </li>
        )}
      </ul>
    </li>
  );
}

export default function ProceduresPage() {
  const { t } = useTranslation(['catalog', 'common']);
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filters = { field: params.get('field') ?? '', level: params.get('level') ?? '', onlineLevel: params.get('onlineLevel') ?? '' };
  const [draft, setDraft] = useState(filters);
  usePageTitle(q ? t('list.resultsFor', { q }) : t('list.title'));

  const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (q) query.set('q', q);
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  const result = useQuery({
    queryKey: ['procedures', query.toString()],
    queryFn: ({ signal }) => api.get(`/procedures?${query.toString()}`, procedureListResponse, { signal }),
    placeholderData: (previous) => previous,
  });
  const fields = useQuery({ queryKey: ['fields'], queryFn: () => api.get('/fields', fieldsResponse), staleTime: 300_000 });

  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const applyFilters = (event: FormEvent) => {
    event.preventDefault();
    go({ ...draft, page: '' });
  };
  const pageCount = result.data ? Math.ceil(result.data.total / PAGE_SIZE) : 0;

  return (
    <div className="procedures-page">
      <h1>{q ? t('list.resultsFor', { q }) : t('list.title')}</h1>
      {!q && <p className="lead">{t('list.lead')}</p>}

      <form className="catalog-filters" aria-label={t('list.filters')} onSubmit={applyFilters}>
        <Select
          label={t('list.field')}
          value={draft.field}
          onChange={(e) => setDraft({ ...draft, field: e.target.value })}
          options={[
            { value: '', label: t('list.any') },
            ...(fields.data?.items ?? []).filter((f) => f.procedureCount > 0).map((f) => ({ value: f.code, label: f.name })),
          ]}
        />
        <Select
          label={t('list.level')}
          value={draft.level}
          onChange={(e) => setDraft({ ...draft, level: e.target.value })}
          options={[{ value: '', label: t('list.any') }, ...levels.map((l) => ({ value: l, label: t(`levels.${l}`) }))]}
        />
        <Select
          label={t('list.onlineLevel')}
          value={draft.onlineLevel}
          onChange={(e) => setDraft({ ...draft, onlineLevel: e.target.value })}
          options={[{ value: '', label: t('list.any') }, ...onlineLevels.map((l) => ({ value: l, label: t(`onlineLevels.${l}`) }))]}
        />
        <div className="catalog-filters__actions">
          <Button type="submit" variant="secondary">
            {t('list.apply')}
          </Button>
          {Object.values(filters).some(Boolean) && (
            <Button
              type="button"
              variant="link"
              onClick={() => {
                setDraft({ field: '', level: '', onlineLevel: '' });
                go({ field: '', level: '', onlineLevel: '', page: '' });
              }}
            >
              {t('list.clear')}
            </Button>
          )}
        </div>
      </form>

      {result.isPending && <Spinner label={t('common:loading')} />}
      {result.isError && <p role="alert">{errorText(result.error)}</p>}
      {result.data && (
        <>
          <p role="status">{t('list.resultCount', { count: result.data.total })}</p>
          {result.data.items.length === 0 ? (
            <EmptyState title={t('list.noResults')}>{t('list.noResultsBody')}</EmptyState>
          ) : (
            <ol className="procedure-list" start={(page - 1) * PAGE_SIZE + 1}>
              {result.data.items.map((item) => (
                <ProcedureItem key={item.code} item={item} />
              ))}
            </ol>
          )}
          <Pagination page={page} pageCount={pageCount} onPageChange={(p) => go({ page: String(p) })} />
        </>
      )}
      <p>
        <Link to="/procedures/print">{t('list.printLink')}</Link>
      </p>
    </div>
  );
}
