/**
 * Creating an officer account (system administrators, /office/admin/officers): name, e-mail, a first password the
 * administrator hands over, and one or more roles at agencies within the administrator's own (the server refuses
 * others). The first role goes with `POST /officers`, each further one with `POST /officers/{id}/grants` — every
 * write audited by the identity module. The second factor is not set here: at the first sign-in the officer scans
 * the QR code the sign-in page shows (TOTP enrolment), which the page explains.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { officerSchema } from '@motcua/contracts/identity';
import { api, checkFields, formErrorsFrom, noFormErrors, useErrorText, type FormErrors, type Infer } from '../../api';
import { Button, Checkbox, FormErrorSummary, Select, TextField } from '../../ui';

const roles = ['reception_officer', 'specialist', 'department_head', 'agency_leader', 'desk_supervisor', 'monitor', 'system_administrator'] as const;
type Role = (typeof roles)[number];
interface GrantLine {
  role: Role;
  agencyCode: string;
  includeSubAgencies: boolean;
}
type Officer = Infer<typeof officerSchema>;

const fieldIds: Record<string, string> = {
  displayName: 'new-officer-name',
  email: 'new-officer-email',
  password: 'new-officer-password',
  agencyCode: 'new-officer-agency-0',
};

export function CreateOfficerForm() {
  const { t } = useTranslation(['desk', 'common']);
  const errorText = useErrorText();
  const client = useQueryClient();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [grants, setGrants] = useState<GrantLine[]>([{ role: 'specialist', agencyCode: '', includeSubAgencies: false }]);
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ officer: Officer; failures: string[] } | null>(null);

  const setGrant = (i: number, patch: Partial<GrantLine>) => setGrants((old) => old.map((g, j) => (j === i ? { ...g, ...patch } : g)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const failed = checkFields([
      ['displayName', fieldIds.displayName!, displayName.trim().length < 2 && t('officerForm.errors.name')],
      ['email', fieldIds.email!, !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim()) && t('officerForm.errors.email')],
      ['password', fieldIds.password!, password.length < 10 && t('officerForm.errors.password')],
      ...grants.map((g, i) => [`agencyCode.${i}`, `new-officer-agency-${i}`, !g.agencyCode.trim() && t('officerForm.errors.agency')] as const),
    ]);
    setErrors(failed ?? noFormErrors);
    if (failed) return;
    setBusy(true);
    try {
      const [first, ...more] = grants;
      const officer = await api.post(
        '/officers',
        { displayName: displayName.trim(), email: email.trim(), password, role: first!.role, agencyCode: first!.agencyCode.trim(), includeSubAgencies: first!.includeSubAgencies },
        officerSchema,
      );
      const failures: string[] = [];
      for (const g of more) {
        try {
          await api.post(`/officers/${officer.id}/grants`, { role: g.role, agencyCode: g.agencyCode.trim(), includeSubAgencies: g.includeSubAgencies });
        } catch (error) {
          failures.push(t('officerForm.grantFailed', { role: t(`common:roles.${g.role}`), agency: g.agencyCode.trim(), reason: errorText(error) }));
        }
      }
      setCreated({ officer, failures });
      setDisplayName('');
      setEmail('');
      setPassword('');
      setGrants([{ role: 'specialist', agencyCode: '', includeSubAgencies: false }]);
      await client.invalidateQueries({ queryKey: ['officers'] });
    } catch (error) {
      setErrors(formErrorsFrom(error, fieldIds, errorText));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="review-panel" aria-labelledby="new-officer-title">
      <h2 id="new-officer-title">{t('officerForm.title')}</h2>
      <p className="hint-text">{t('officerForm.lead')}</p>
      <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="new-officer-title">
        <FormErrorSummary errors={errors.summary} />
        <TextField id={fieldIds.displayName} label={t('officerForm.name')} required value={displayName} error={errors.fields.displayName} onChange={(e) => setDisplayName(e.target.value)} />
        <TextField id={fieldIds.email} label={t('officerForm.email')} type="email" required autoComplete="off" value={email} error={errors.fields.email} onChange={(e) => setEmail(e.target.value)} />
        <TextField
          id={fieldIds.password}
          label={t('officerForm.password')}
          hint={t('officerForm.passwordHint')}
          type="password"
          required
          autoComplete="new-password"
          value={password}
          error={errors.fields.password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <fieldset>
          <legend>{t('officerForm.roles')}</legend>
          {grants.map((g, i) => (
            <div key={i} className="toolbar">
              <Select
                label={t('officerForm.role', { n: i + 1 })}
                value={g.role}
                options={roles.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
                onChange={(e) => setGrant(i, { role: e.target.value as Role })}
              />
              <TextField
                id={`new-officer-agency-${i}`}
                label={t('officerForm.agency', { n: i + 1 })}
                required
                value={g.agencyCode}
                error={errors.fields[`agencyCode.${i}`] ?? (i === 0 ? errors.fields.agencyCode : undefined)}
                onChange={(e) => setGrant(i, { agencyCode: e.target.value })}
              />
              <Checkbox label={t('officerForm.includeSub', { n: i + 1 })} checked={g.includeSubAgencies} onChange={(e) => setGrant(i, { includeSubAgencies: e.target.checked })} />
              {i > 0 && (
                <Button variant="link" onClick={() => setGrants((old) => old.filter((_, j) => j !== i))}>
                  {t('officerForm.removeRole', { n: i + 1 })}
                </Button>
              )}
            </div>
          ))}
          <Button variant="secondary" onClick={() => setGrants((old) => [...old, { role: 'specialist', agencyCode: old[old.length - 1]?.agencyCode ?? '', includeSubAgencies: false }])}>
            {t('officerForm.addRole')}
          </Button>
        </fieldset>
        <Button type="submit" busy={busy}>
          {t('officerForm.submit')}
        </Button>
      </form>
      {created && (
        <div role="status" className="officer-created">
          <p>
            <strong>{t('officerForm.created', { name: created.officer.displayName, email: created.officer.email ?? '' })}</strong>
          </p>
          <p>{t('officerForm.totpNext')}</p>
          {created.failures.length > 0 && (
            <ul role="alert">
              {created.failures.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
