/** The applicant's profile (pre-fills every form) and the businesses they act for (organisations-section.tsx). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidIdentityNumber, isValidPhone, profileResponse, type ProfileResponse } from '@motcua/contracts/portal';
import { declarationMessage } from '@motcua/contracts/portal-forms';
import { api, checkFields, formErrorsFrom, isApiError, noFormErrors, useErrorText, type FormErrors } from '../api';
import { RequireUser } from '../shell/require-user';
import { usePageTitle } from '../shell/page-title';
import { Button, FormErrorSummary, Spinner, TextField, useToast } from '../ui';
import { queryKeys } from './citizen-api';
import { OrganisationsSection } from './organisations-section';
import './citizen.css';

export default function ProfilePage() {
  return <RequireUser kind="citizen" loginPath="/login">{() => <Profile />}</RequireUser>;
}

const profileFields = ['fullName', 'identityNumber', 'dateOfBirth', 'phone', 'email', 'address'] as const;

function Profile() {
  const { t, i18n } = useTranslation('citizen');
  const errorText = useErrorText();
  const toast = useToast();
  const queryClient = useQueryClient();
  usePageTitle(t('profile.title'));
  const profile = useQuery({ queryKey: queryKeys.profile, queryFn: () => api.get('/portal/profile', profileResponse) });
  const [form, setForm] = useState<ProfileResponse | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  useEffect(() => {
    if (profile.data) setForm(profile.data);
  }, [profile.data]);

  const save = useMutation({
    mutationFn: (body: ProfileResponse) => {
      const { updatedAt: _updatedAt, ...rest } = body;
      const blank = (v: string | null) => (v && v.trim() ? v : null);
      return api.put('/portal/profile', { ...rest, identityNumber: blank(rest.identityNumber), dateOfBirth: blank(rest.dateOfBirth), phone: blank(rest.phone), email: blank(rest.email), address: blank(rest.address) }, profileResponse);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.profile, saved);
      setErrors(noFormErrors);
      toast.show(t('profile.saved'), 'success');
    },
    onError: (error) => setErrors(isApiError(error) && error.code === 'STALE_VERSION' ? { fields: {}, summary: [{ message: t('submit.stale') }] } : formErrorsFrom(error, Object.fromEntries(profileFields.map((f) => [f, `profile-${f}`])), errorText)),
  });

  if (!form) return profile.error ? <p className="notice notice--danger">{errorText(profile.error)}</p> : <Spinner label={t('submit.loading')} />;

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = checkFields([
      ['fullName', 'profile-fullName', !form!.fullName.trim() && declarationMessage('required', i18n.language)],
      ['identityNumber', 'profile-identityNumber', form!.identityNumber && !isValidIdentityNumber(form!.identityNumber) && declarationMessage('identity', i18n.language)],
      ['phone', 'profile-phone', form!.phone && !isValidPhone(form!.phone) && declarationMessage('phone', i18n.language)],
    ]);
    if (problems) return setErrors(problems);
    save.mutate(form!);
  }
  const set = (field: keyof ProfileResponse) => (e: { target: { value: string } }) => setForm({ ...form!, [field]: e.target.value });
  return (
    <div className="page page--narrow">
      <h1>{t('profile.title')}</h1>
      <p className="lead">{t('profile.lead')}</p>
      <FormErrorSummary errors={errors.summary} />
      <form noValidate onSubmit={submit} className="form">
        <TextField id="profile-fullName" label={t('form.applicant.fullName')} required value={form.fullName} error={errors.fields.fullName} onChange={set('fullName')} autoComplete="name" />
        <TextField id="profile-identityNumber" label={t('form.applicant.identityNumber')} hint={t('form.hints.applicant.identityNumber')} inputMode="numeric" value={form.identityNumber ?? ''} error={errors.fields.identityNumber} onChange={set('identityNumber')} />
        <TextField id="profile-dateOfBirth" label={t('profile.dateOfBirth')} type="date" value={form.dateOfBirth ?? ''} error={errors.fields.dateOfBirth} onChange={set('dateOfBirth')} />
        <TextField id="profile-phone" label={t('form.applicant.phone')} type="tel" value={form.phone ?? ''} error={errors.fields.phone} onChange={set('phone')} autoComplete="tel" />
        <TextField id="profile-email" label={t('form.applicant.email')} type="email" value={form.email ?? ''} error={errors.fields.email} onChange={set('email')} autoComplete="email" />
        <TextField id="profile-address" label={t('form.applicant.address')} value={form.address ?? ''} error={errors.fields.address} onChange={set('address')} autoComplete="street-address" />
        <Button type="submit" busy={save.isPending}>
          {t('profile.save')}
        </Button>
      </form>

      <OrganisationsSection />
    </div>
  );
}
