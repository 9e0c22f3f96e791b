/**
 * The printable listing posted at a one-stop desk (niêm yết, NĐ 63/2010 Art. 16–17): every procedure the desk
 * receives, with its code, time limit, fees and competent agency, laid out for A4 paper (catalog.css @media print).
 * /procedures/print?desk=<agency code>
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { procedureListResponse } from '@motcua/contracts/catalog';
import { listAgenciesResponse } from '@motcua/contracts/organization';
import { api, useErrorText, type Infer } from '../api';
import { useCatalogText } from '../catalog/catalog-text';
import '../catalog/catalog.css';
import { usePageTitle } from '../shell/page-title';
import { Button, EmptyState, Select, Spinner } from '../ui';

type Item = Infer<typeof procedureListResponse>['items'][number];

/** Every page of the desk's listing (100 per request). */
async function allProcedures(desk: string): Promise<Item[]> {
  const items: Item[] = [];
  for (let page = 1; ; page++) {
    const query = new URLSearchParams({ agency: desk, page: String(page), pageSize: '100' });
    const result = await api.get(`/procedures?${query}`, procedureListResponse);
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) return items;
  }
}

export default function ProceduresPrintPage() {
  const { t } = useTranslation(['catalog', 'common']);
  const text = useCatalogText();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const desk = params.get('desk') ?? '';
  const [choice, setChoice] = useState(desk);
  usePageTitle(t('print.title'));

  const desks = useQuery({
    queryKey: ['agencies', 'desk'],
    queryFn: () => api.get('/agencies?kind=desk', listAgenciesResponse),
    staleTime: 300_000,
  });
  const listing = useQuery({ queryKey: ['print-listing', desk], queryFn: () => allProcedures(desk), enabled: desk !== '' });
  const deskName = desks.data?.agencies.find((a) => a.code === desk)?.name ?? desk;
  const show = (event: FormEvent) => {
    event.preventDefault();
    if (choice) setParams({ desk: choice });
  };

  return (
    <div className="print-listing">
      <form className="print-listing__controls" onSubmit={show}>
        <Select
          label={t('print.desk')}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          placeholder={t('print.chooseDesk')}
          options={(desks.data?.agencies ?? []).map((a) => ({ value: a.code, label: a.name }))}
        />
        <Button type="submit" variant="secondary">
          {t('print.show')}
        </Button>
        {listing.data && listing.data.length > 0 && (
          <Button type="button" onClick={() => window.print()}>
            {t('print.print')}
          </Button>
        )}
      </form>
      <h1>{desk ? t('print.heading', { desk: deskName }) : t('print.title')}</h1>
      {desk && listing.isPending && <Spinner label={t('common:loading')} />}
      {listing.isError && <p role="alert">{errorText(listing.error)}</p>}
      {listing.data && listing.data.length === 0 && <EmptyState title={t('print.empty')} />}
      {listing.data && listing.data.length > 0 && (
        <>
          <p>{t('print.asOf', { date: new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()) })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('print.columns.number')}</th>
                <th scope="col">{t('print.columns.code')}</th>
                <th scope="col">{t('print.columns.name')}</th>
                <th scope="col">{t('print.columns.time')}</th>
                <th scope="col">{t('print.columns.agency')}</th>
              </tr>
            </thead>
            <tbody>
              {listing.data.map((item, i) => (
                <tr key={item.code}>
                  <td>{i + 1}</td>
                  <td>{item.code}</td>
                  <th scope="row">{item.name}</th>
                  <td>
                    {[...new Set(item.processingTimes.map((p) => text.time(p)))].join(' / ')}
                  </td>
                  <td>{item.competentAgencyName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
