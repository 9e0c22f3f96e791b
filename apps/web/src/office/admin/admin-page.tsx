/**
 * Administration (/office/admin, system administrators): links to the administration screens (officers,
 * certificates, working calendar, calendar decisions, working periods, catalogue and its import), and the
 * organisation tree (`GET /agencies?shape=tree&history=true`; ended agencies on request) with each agency's details
 * and history of merges and splits. Administering the tree: create an agency under a parent, correct one, end one
 * (agency-form.tsx, agency-detail.tsx), and record a merger, split or rename (succession-form.tsx). docs/office.md.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AgencyTreeNode } from '@motcua/contracts/organization';
import { useErrorText } from '../../api';
import { formatVietnamTime, vietnamDate } from '../../calendar/calendar-queries';
import { usePageTitle } from '../../shell/page-title';
import { Button, Checkbox, Spinner } from '../../ui';
import '../leader/leader.css';
import { AgencyDetail } from './agency-detail';
import { AgencyForm, type AgencyFormMode } from './agency-form';
import { useAdministeredAgencies } from './agency-options';
import { SuccessionForm } from './succession-form';

type Panel = AgencyFormMode | { kind: 'succession' } | null;

function Tree({ nodes, today, showEnded, onOpen }: { nodes: readonly AgencyTreeNode[]; today: string; showEnded: boolean; onOpen: (code: string) => void }) {
  const { t, i18n } = useTranslation('leader');
  const shown = nodes.filter((n) => showEnded || n.effectiveTo === null || n.effectiveTo >= today);
  if (shown.length === 0) return null;
  const date = (iso: string) => formatVietnamTime(iso, i18n.language, false);
  return (
    <ul className="agency-tree">
      {shown.map((n) => (
        <li key={n.id}>
          <Button variant="link" aria-label={t('admin.openAgency', { name: n.name, code: n.code })} onClick={() => onOpen(n.code)}>
            {n.name}
          </Button>{' '}
          <code>{n.code}</code>
          {n.effectiveTo !== null && n.effectiveTo < today && <em> — {t('agencyAdmin.endedOn', { date: date(n.effectiveTo) })}</em>}
          {n.effectiveFrom > today && <em> — {t('agencyAdmin.startsOn', { date: date(n.effectiveFrom) })}</em>}
          <Tree nodes={n.children} today={today} showEnded={showEnded} onOpen={onOpen} />
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
  const [panel, setPanel] = useState<Panel>(null);
  const [showEnded, setShowEnded] = useState(false);
  const { tree, administered } = useAdministeredAgencies({ history: true });
  const today = vietnamDate();
  const isAdministered = (code: string) => administered.some((a) => a.code === code);
  const openAgency = (code: string) => {
    setPanel(null);
    setOpen(code);
  };

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
      <p>{t('agencyAdmin.lead')}</p>
      <div className="toolbar">
        <Button variant="secondary" disabled={administered.length === 0} onClick={() => setPanel({ kind: 'create', parentCode: open && isAdministered(open) ? open : (administered[0]?.code ?? '') })}>
          {t('agencyAdmin.create')}
        </Button>
        <Button variant="secondary" disabled={administered.length === 0} onClick={() => setPanel({ kind: 'succession' })}>
          {t('agencyAdmin.recordSuccession')}
        </Button>
        <Checkbox label={t('agencyAdmin.showEnded')} checked={showEnded} onChange={(e) => setShowEnded(e.target.checked)} />
      </div>
      {panel?.kind === 'succession' && <SuccessionForm agencies={administered} onCancel={() => setPanel(null)} onDone={openAgency} />}
      {(panel?.kind === 'create' || panel?.kind === 'edit') && (
        <AgencyForm key={panel.kind === 'edit' ? panel.agency.code : `new-${panel.parentCode}`} mode={panel} agencies={administered} onCancel={() => setPanel(null)} onDone={openAgency} />
      )}
      {tree.isPending && <Spinner label={t('common:loading')} />}
      {tree.isError && <p role="alert">{errorText(tree.error)}</p>}
      {open && panel === null && (
        <AgencyDetail
          key={open}
          code={open}
          canAdminister={isAdministered(open)}
          actions={{ onEdit: (agency) => setPanel({ kind: 'edit', agency }), onAddUnder: (code) => setPanel({ kind: 'create', parentCode: code }) }}
        />
      )}
      {tree.data && <Tree nodes={tree.data.agencies} today={today} showEnded={showEnded} onOpen={openAgency} />}
    </div>
  );
}
