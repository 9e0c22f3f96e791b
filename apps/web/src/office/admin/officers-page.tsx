/**
 * Officers and roles (/office/admin/officers, system administrators): the officers within my agencies with their
 * role grants; grant a role at an agency, revoke a grant, reset the second factor, sign out everywhere. Creating
 * an account: `CreateOfficerForm` (POST /officers, then a grant per further role). Every write is audited by the
 * identity module.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { officerListResponse, officerSchema, revokedSessionsResponse } from '@motcua/contracts/identity';
import { api, apiRequest, useErrorText, type Infer } from '../../api';
import { usePageTitle } from '../../shell/page-title';
import { Button, Checkbox, Select, Spinner, TextField, useToast } from '../../ui';
import '../leader/leader.css';
import { CreateOfficerForm } from './create-officer-form';

type Officer = Infer<typeof officerSchema>;
const roles = ['reception_officer', 'specialist', 'department_head', 'agency_leader', 'desk_supervisor', 'monitor', 'system_administrator'] as const;

function OfficerCard({ officer }: { officer: Officer }) {
  const { t } = useTranslation(['leader', 'common']);
  const errorText = useErrorText();
  const toast = useToast();
  const client = useQueryClient();
  const [role, setRole] = useState<(typeof roles)[number]>('specialist');
  const [agencyCode, setAgencyCode] = useState('');
  const [sub, setSub] = useState(false);
  const done = (message: string) => {
    toast.show(message, 'success');
    void client.invalidateQueries({ queryKey: ['officers'] });
  };
  const action = useMutation({
    mutationFn: async (kind: 'reset' | 'revoke' | 'grant' | { ungrant: string }) => {
      if (kind === 'reset') return api.post(`/officers/${officer.id}/totp/reset`, undefined, revokedSessionsResponse).then(() => t('admin.resetDone', { name: officer.displayName }));
      if (kind === 'revoke') return api.post(`/officers/${officer.id}/sessions/revoke`, undefined, revokedSessionsResponse).then(() => t('admin.revokeDone', { name: officer.displayName }));
      if (kind === 'grant') return api.post(`/officers/${officer.id}/grants`, { role, agencyCode: agencyCode.trim(), includeSubAgencies: sub }).then(() => t('admin.grantDone'));
      return apiRequest('DELETE', `/officers/${officer.id}/grants/${kind.ungrant}`).then(() => t('admin.ungrantDone'));
    },
    onSuccess: done,
  });
  const grant = (e: FormEvent) => {
    e.preventDefault();
    action.mutate('grant');
  };
  return (
    <li className="review-panel">
      <h3>{officer.displayName}</h3>
      <p className="muted">
        {officer.email ?? ''} · {officer.isTotpEnrolled ? t('admin.totpOn') : t('admin.totpOff')}
      </p>
      <ul>
        {officer.grants.map((g) => (
          <li key={g.id}>
            {t(`common:roles.${g.role}`)} — {g.agencyName} (<code>{g.agencyCode}</code>){g.includeSubAgencies ? ` ${t('admin.withSub')}` : ''}{' '}
            <Button variant="link" aria-label={t('admin.ungrant', { role: t(`common:roles.${g.role}`), agency: g.agencyCode })} onClick={() => action.mutate({ ungrant: g.id })}>
              {t('admin.ungrantShort')}
            </Button>
          </li>
        ))}
      </ul>
      <form noValidate onSubmit={grant} className="toolbar" aria-label={t('admin.grantFor', { name: officer.displayName })}>
        <Select label={t('admin.role')} value={role} options={roles.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))} onChange={(e) => setRole(e.target.value as typeof role)} />
        <TextField label={t('admin.agencyCode')} value={agencyCode} onChange={(e) => setAgencyCode(e.target.value)} />
        <Checkbox label={t('admin.includeSub')} checked={sub} onChange={(e) => setSub(e.target.checked)} />
        <Button type="submit" variant="secondary">
          {t('admin.grant')}
        </Button>
      </form>
      <div className="toolbar">
        <Button variant="secondary" onClick={() => action.mutate('reset')}>
          {t('admin.reset')}
        </Button>
        <Button variant="secondary" onClick={() => action.mutate('revoke')}>
          {t('admin.revoke')}
        </Button>
      </div>
      {action.isError && (
        <p role="alert" className="field__error">
          {errorText(action.error)}
        </p>
      )}
    </li>
  );
}

export default function OfficersPage() {
  const { t } = useTranslation(['leader', 'common']);
  const errorText = useErrorText();
  usePageTitle(t('admin.officersTitle'), 'officeName');
  const officers = useQuery({ queryKey: ['officers'], queryFn: () => api.get('/officers', officerListResponse) });
  return (
    <div className="page">
      <h1>{t('admin.officersTitle')}</h1>
      <p className="lead">{t('admin.officersLead')}</p>
      <CreateOfficerForm />
      {officers.isPending && <Spinner label={t('common:loading')} />}
      {officers.isError && <p role="alert">{errorText(officers.error)}</p>}
      {officers.data && (
        <ul className="batch-status">
          {officers.data.officers.map((o) => (
            <OfficerCard key={o.id} officer={o} />
          ))}
        </ul>
      )}
    </div>
  );
}
