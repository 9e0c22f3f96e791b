/**
 * Citizens' registration: name, e-mail and/or phone, password. The page checks what it can before sending; the
 * server's field errors land under the same fields. Registration signs the new citizen in straight away.
 */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { checkFields, formErrorsFrom, noFormErrors, useErrorText, type FormErrors } from '../api';
import { safeReturnTo, useRegister } from '../auth/session';
import { usePageTitle } from '../shell/page-title';
import { Button, FormErrorSummary, TextField, useToast } from '../ui';

const ids = {
  fullName: 'register-full-name',
  email: 'register-email',
  phone: 'register-phone',
  password: 'register-password',
  confirm: 'register-confirm',
};
/** The server's password policy (core identity/password-policy.ts); the server checks the rest. */
const minPasswordLength = 10;

export function normalizePhone(phone: string): string {
  const digits = phone.replace(/[\s.-]/g, '');
  return digits.startsWith('+84') ? `0${digits.slice(3)}` : digits;
}

export default function RegisterPage() {
  const { t } = useTranslation('auth');
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const toast = useToast();
  const register = useRegister();
  const [form, setForm] = useState({ fullName: '', email: '', phone: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  usePageTitle(t('register.title'));

  const set = (name: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = form.email.trim();
    const phone = normalizePhone(form.phone.trim());
    const invalid = checkFields([
      ['fullName', ids.fullName, !form.fullName.trim() && t('errors.fullNameRequired')],
      [
        'email',
        ids.email,
        (!email && !phone && t('errors.contactRequired')) ||
          (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && t('errors.emailInvalid')),
      ],
      ['phone', ids.phone, phone && !/^0\d{9}$/.test(phone) && t('errors.phoneInvalid')],
      ['password', ids.password, form.password.length < minPasswordLength && t('errors.passwordShort')],
      ['confirm', ids.confirm, form.password !== form.confirm && t('errors.passwordMismatch')],
    ]);
    if (invalid) return setErrors(invalid);
    const body = {
      fullName: form.fullName.trim(),
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      password: form.password,
    };
    register.mutate(body, {
      onError: (error) => setErrors(formErrorsFrom(error, ids, errorText)),
      onSuccess: () => {
        setErrors(noFormErrors);
        toast.show(t('register.createdSignedIn'), 'success');
        void navigate(safeReturnTo(params.get('returnTo'), '/'), { replace: true });
      },
    });
  };

  return (
    <div className="page page--narrow">
      <h1>{t('register.title')}</h1>
      <p className="lead">{t('register.lead')}</p>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary errors={errors.summary} />
        <TextField id={ids.fullName} label={t('register.fullName')} hint={t('register.fullNameHint')} name="fullName" autoComplete="name" required value={form.fullName} error={errors.fields.fullName} onChange={set('fullName')} />
        <TextField id={ids.email} label={t('register.email')} name="email" type="email" autoComplete="email" value={form.email} error={errors.fields.email} onChange={set('email')} />
        <TextField id={ids.phone} label={t('register.phone')} hint={t('register.phoneHint')} name="phone" type="tel" inputMode="tel" autoComplete="tel" value={form.phone} error={errors.fields.phone} onChange={set('phone')} />
        <TextField id={ids.password} label={t('register.password')} hint={t('register.passwordHint')} name="password" type="password" autoComplete="new-password" required value={form.password} error={errors.fields.password} onChange={set('password')} />
        <TextField id={ids.confirm} label={t('register.confirm')} name="confirm" type="password" autoComplete="new-password" required value={form.confirm} error={errors.fields.confirm} onChange={set('confirm')} />
        <Button type="submit" busy={register.isPending}>
          {t('register.submit')}
        </Button>
      </form>
      <p className="sign-in-footer">
        {t('register.haveAccount')} <Link to="/login">{t('register.signInLink')}</Link>
      </p>
    </div>
  );
}
