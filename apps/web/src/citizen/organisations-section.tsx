/**
 * The businesses a citizen acts for, on the profile page: add, change and remove (with confirmation). The tax code's
 * check digit is checked in the page with the server's own function; the server's refusals (a tax code already
 * listed, a business removed meanwhile) are said in plain words under the field they concern.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTaxCode, isValidTaxCode, organisationSchema, organisationsResponse, type Organisation } from '@motcua/contracts/portal';
import { declarationMessage } from '@motcua/contracts/portal-forms';
import { api, checkFields, formErrorsFrom, isApiError, noFormErrors, useErrorText, type FormErrors } from '../api';
import { Button, Dialog, FormErrorSummary, TextField, useToast } from '../ui';
import { queryKeys } from './citizen-api';
import { OrganisationFacts } from './applicant-step';

interface OrganisationInput {
  name: string;
  taxCode: string;
  address: string;
  representative: string;
}

const empty: OrganisationInput = { name: '', taxCode: '', address: '', representative: '' };
const inputOf = (o: Organisation): OrganisationInput => ({ name: o.name, taxCode: formatTaxCode(o.taxCode), address: o.address ?? '', representative: o.representative ?? '' });
const bodyOf = (input: OrganisationInput) => ({
  name: input.name,
  taxCode: input.taxCode,
  address: input.address.trim() || null,
  representative: input.representative.trim() || null,
});

/** The form of one business, to add it (`existing` absent) or to change it. */
function OrganisationForm({ prefix, title, existing, onDone, onCancel }: { prefix: string; title: string; existing?: Organisation; onDone: () => void; onCancel?: () => void }) {
  const { t, i18n } = useTranslation('citizen');
  const errorText = useErrorText();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [input, setInput] = useState<OrganisationInput>(existing ? inputOf(existing) : empty);
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const ids = { name: `${prefix}-name`, taxCode: `${prefix}-tax`, address: `${prefix}-address`, representative: `${prefix}-representative` };
  const save = useMutation({
    mutationFn: () =>
      existing
        ? api.put(`/portal/organisations/${existing.id}`, bodyOf(input), organisationSchema)
        : api.post('/portal/organisations', bodyOf(input), organisationSchema),
    onSuccess: () => {
      setErrors(noFormErrors);
      if (!existing) setInput(empty);
      toast.show(t(existing ? 'profile.orgSaved' : 'profile.orgAdded'), 'success');
      void queryClient.invalidateQueries({ queryKey: queryKeys.organisations });
      onDone();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'CONFLICT') {
        const message = t('profile.taxCodeTaken');
        return setErrors({ fields: { taxCode: message }, summary: [{ fieldId: ids.taxCode, message }] });
      }
      if (isApiError(error) && error.code === 'NOT_FOUND') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.organisations });
        return setErrors({ fields: {}, summary: [{ message: t('profile.orgGone') }] });
      }
      setErrors(formErrorsFrom(error, ids, errorText));
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkFields([
      ['name', ids.name, !input.name.trim() && declarationMessage('required', i18n.language)],
      ['taxCode', ids.taxCode, !isValidTaxCode(input.taxCode) && t('profile.taxCodeInvalid')],
    ]);
    if (problems) return setErrors(problems);
    save.mutate();
  }
  const set = (field: keyof OrganisationInput) => (e: { target: { value: string } }) => setInput({ ...input, [field]: e.target.value });
  return (
    <>
      <FormErrorSummary errors={errors.summary} />
      <form noValidate onSubmit={submit} className="form" aria-label={title}>
        <TextField id={ids.name} label={t('profile.orgName')} required value={input.name} error={errors.fields.name} onChange={set('name')} />
        <TextField id={ids.taxCode} label={t('profile.taxCode')} hint={t('profile.taxCodeHint')} required inputMode="numeric" value={input.taxCode} error={errors.fields.taxCode} onChange={set('taxCode')} />
        <TextField id={ids.address} label={t('profile.orgAddress')} value={input.address} error={errors.fields.address} onChange={set('address')} />
        <TextField id={ids.representative} label={t('profile.orgRepresentative')} value={input.representative} error={errors.fields.representative} onChange={set('representative')} />
        <div className="btn-row">
          <Button type="submit" variant="secondary" busy={save.isPending}>
            {existing ? t('profile.saveOrg') : t('profile.addOrg')}
          </Button>
          {onCancel && (
            <Button type="button" variant="link" onClick={onCancel}>
              {t('profile.cancelEdit')}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}

export function OrganisationsSection() {
  const { t } = useTranslation('citizen');
  const errorText = useErrorText();
  const toast = useToast();
  const queryClient = useQueryClient();
  const organisations = useQuery({ queryKey: queryKeys.organisations, queryFn: () => api.get('/portal/organisations', organisationsResponse) });
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Organisation | null>(null);
  const remove = useMutation({
    mutationFn: (o: Organisation) => api.delete(`/portal/organisations/${o.id}`),
    onSuccess: () => {
      setRemoving(null);
      toast.show(t('profile.orgRemoved'), 'success');
      void queryClient.invalidateQueries({ queryKey: queryKeys.organisations });
    },
    onError: (error) => {
      setRemoving(null);
      toast.show(isApiError(error) && error.code === 'NOT_FOUND' ? t('profile.orgGone') : errorText(error), 'error');
      void queryClient.invalidateQueries({ queryKey: queryKeys.organisations });
    },
  });
  const items = organisations.data?.items ?? [];
  return (
    <section aria-labelledby="orgs-title">
      <h2 id="orgs-title">{t('profile.orgsTitle')}</h2>
      <p>{t('profile.orgsLead')}</p>
      {organisations.error && <p className="notice notice--danger">{errorText(organisations.error)}</p>}
      <ul className="card-list">
        {items.map((o) => (
          <li key={o.id} className="card">
            {editing === o.id ? (
              <>
                <h3 className="card-list__title">{t('profile.editOrgTitle', { name: o.name })}</h3>
                <OrganisationForm prefix={`org-edit-${o.id.slice(0, 8)}`} title={t('profile.editOrgTitle', { name: o.name })} existing={o} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />
              </>
            ) : (
              <>
                <h3 className="card-list__title">{o.name}</h3>
                <OrganisationFacts organisation={o} />
                <div className="btn-row">
                  <Button variant="secondary" aria-label={t('profile.editOrgLabel', { name: o.name })} onClick={() => setEditing(o.id)}>
                    {t('profile.editOrg')}
                  </Button>
                  <Button variant="danger" aria-label={t('profile.removeOrgLabel', { name: o.name })} onClick={() => setRemoving(o)}>
                    {t('profile.removeOrg')}
                  </Button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('profile.addOrgTitle')}</h3>
      <OrganisationForm prefix="org" title={t('profile.addOrgTitle')} onDone={() => undefined} />
      <Dialog open={removing !== null} onClose={() => setRemoving(null)} title={t('profile.removeOrgTitle')}>
        <p>{t('profile.removeOrgConfirm', { name: removing?.name ?? '', taxCode: removing ? formatTaxCode(removing.taxCode) : '' })}</p>
        <div className="btn-row">
          <Button variant="danger" busy={remove.isPending} onClick={() => removing && remove.mutate(removing)}>
            {t('profile.removeOrgYes')}
          </Button>
          <Button variant="secondary" onClick={() => setRemoving(null)}>
            {t('profile.removeOrgNo')}
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
