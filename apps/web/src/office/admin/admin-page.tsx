/**
 * Administration (/office/admin, system administrators): links to the administration screens (working calendar,
 * calendar decisions, catalogue and its import, officers), and the organisation tree with each agency's details
 * and its history of merges and splits (GET /agencies?shape=tree, GET /agencies/{code}).
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { agencyDetailResponse, listAgenciesResponse, type AgencyTreeNode } from '@motcua/contracts/organization';
import { api, useErrorText } from '../../api';
import { usePageTitle } from '../../shell/page-title';
import { Button, Spinner } from '../../ui';
import '../leader/leader.css';

function AgencyDetail({ code }: { code: string }) {
  const { t } = useTranslation(['leader', 'common']);
  const errorText = useErrorText();
  const detail = useQuery({ queryKey: ['agency', code], queryFn: () => api.get(`/agencies/${encodeURIComponent(code)}`, agencyDetailResponse) });
  if (detail.isPending) return <Spinner label={t('common:loading')} />;
  if (detail.isError) return <p role="alert">{errorText(detail.error)}</p>;
  const a = detail.data;
  const lineage = (list: typeof a.predecessors) =>
    list.length === 0 ? t('common.none') : list.map((l) => t('admin.lineageItem', { name: l.name, code: l.code, date: l.effectiveOn, kind: l.eventKind })).join('; ');
  return (
    <section className="review-panel" aria-labelledby="agency-title">
      <h2 id="agency-title">{a.name}</h2>
      <dl className="facts">
        <dt>{t('admin.code')}</dt>
        <dd>
          <code>{a.code}</code>
          {a.isCodePlaceholder ? ` (${t('admin.placeholder')})` : ''}
        </dd>
        <dt>{t('admin.kindLevel')}</dt>
        <dd>
          {a.kind} / {a.level}
        </dd>
        <dt>{t('admin.parent')}</dt>
        <dd>{a.parentCode ?? t('common.none')}</dd>
        <dt>{t('admin.period')}</dt>
        <dd>
          {a.effectiveFrom} – {a.effectiveTo ?? t('admin.now')}
        </dd>
        <dt>{t('admin.predecessors')}</dt>
        <dd>{lineage(a.predecessors)}</dd>
        <dt>{t('admin.successors')}</dt>
        <dd>{lineage(a.successors)}</dd>
      </dl>
    </section>
  );
}

function Tree({ nodes, onOpen }: { nodes: readonly AgencyTreeNode[]; onOpen: (code: string) => void }) {
  const { t } = useTranslation('leader');
  return (
    <ul className="agency-tree">
      {nodes.map((n) => (
        <li key={n.id}>
          <Button variant="link" aria-label={t('admin.openAgency', { name: n.name, code: n.code })} onClick={() => onOpen(n.code)}>
            {n.name}
          </Button>{' '}
          <code>{n.code}</code>
          {n.children.length > 0 && <Tree nodes={n.children} onOpen={onOpen} />}
        </li>
      ))}
    </ul>
  );
}

export default function AdminPage() {
  const { t } = useTranslation(['leader', 'common']);
  const errorText = useErrorText();
  usePageTitle(t('admin.title'), 'officeName');
  const [open, setOpen] = useState<string | null>(null);
  const tree = useQuery({ queryKey: ['agency-tree'], queryFn: () => api.get('/agencies?shape=tree', listAgenciesResponse) });
  return (
    <div className="page">
      <h1>{t('admin.title')}</h1>
      <nav aria-labelledby="admin-links">
        <h2 id="admin-links">{t('admin.linksTitle')}</h2>
        <ul>
          <li>
            <Link to="/office/admin/officers">{t('admin.officersLink')}</Link>
          </li>
          <li>
            <Link to="/office/admin/certificates">{t('certificates.link')}</Link>
          </li>
          <li>
            <Link to="/office/calendar">{t('admin.calendarLink')}</Link>
          </li>
          <li>
            <Link to="/office/calendar/decisions">{t('admin.decisionsLink')}</Link>
          </li>
          <li>
            <Link to="/office/calendar/working-periods">{t('admin.workingPeriodsLink')}</Link>
          </li>
          <li>
            <Link to="/office/catalog">{t('admin.catalogLink')}</Link>
          </li>
          <li>
            <Link to="/office/catalog/import">{t('admin.importLink')}</Link>
          </li>
        </ul>
      </nav>
      <h2 id="agencies">{t('admin.agenciesTitle')}</h2>
      {tree.isPending && <Spinner label={t('common:loading')} />}
      {tree.isError && <p role="alert">{errorText(tree.error)}</p>}
      {open && <AgencyDetail key={open} code={open} />}
      {tree.data && <Tree nodes={tree.data.agencies} onOpen={setOpen} />}
    </div>
  );
}
