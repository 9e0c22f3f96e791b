/**
 * Sign-in in up to two steps, shared by the citizen and officer pages: identifier and password, then — when
 * the server asks — the TOTP code, or the TOTP enrolment (QR code plus the secret as text) for an officer's
 * first sign-in. Each step focuses its heading so screen readers announce where the user is.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@motcua/contracts/identity';
import { checkFields, formErrorsFrom, isApiError, noFormErrors, useErrorText, type FormErrors } from '../api';
import type { LoginResult } from './session';
import { Button, FormErrorSummary, TextField } from '../ui';
import { useLogin, useTotp } from './session';

type TotpEnrolment = Extract<LoginResult, { status: 'totp-enrolment-required' }>['enrolment'];
type Step = { kind: 'password' } | { kind: 'totp' } | { kind: 'enrol'; enrolment: TotpEnrolment };

export interface SignInFlowProps {
  audience: 'citizen' | 'officer';
  onSignedIn: (user: SessionUser) => void;
  /** Shown under the password form (registration link, single sign-on). */
  footer?: ReactNode;
}

export function SignInFlow({ audience, onSignedIn, footer }: SignInFlowProps) {
  const [step, setStep] = useState<Step>({ kind: 'password' });
  if (step.kind === 'password') {
    return (
      <>
        <PasswordStep
          audience={audience}
          onSignedIn={onSignedIn}
          onTotpRequired={() => setStep({ kind: 'totp' })}
          onEnrolmentRequired={(enrolment) => setStep({ kind: 'enrol', enrolment })}
        />
        {footer}
      </>
    );
  }
  return (
    <CodeStep
      enrolment={step.kind === 'enrol' ? step.enrolment : null}
      onSignedIn={onSignedIn}
      onBack={() => setStep({ kind: 'password' })}
    />
  );
}

function PasswordStep(props: {
  audience: 'citizen' | 'officer';
  onSignedIn: (user: SessionUser) => void;
  onTotpRequired: () => void;
  onEnrolmentRequired: (enrolment: TotpEnrolment) => void;
}) {
  const { t } = useTranslation('auth');
  const errorText = useErrorText();
  const login = useLogin();
  const [identifier, setIdentifier] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const ids = { identifier: `${props.audience}-identifier`, password: `${props.audience}-password` };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const invalid = checkFields([
      [
        'identifier',
        ids.identifier,
        !identifier.trim() && t(props.audience === 'officer' ? 'errors.officerIdentifierRequired' : 'errors.identifierRequired'),
      ],
      ['password', ids.password, !password && t('errors.passwordRequired')],
    ]);
    if (invalid) return setErrors(invalid);
    login.mutate(
      { identifier: identifier.trim(), password },
      {
        onSuccess: (result) => {
          setErrors(noFormErrors);
          if (result.status === 'signed-in') props.onSignedIn(result.user);
          else if (result.status === 'totp-required') props.onTotpRequired();
          else props.onEnrolmentRequired(result.enrolment);
        },
        onError: (error) => {
          const seconds = isApiError(error) ? Number(error.details.retryAfterSeconds) : NaN;
          const retry = Number.isFinite(seconds) ? t('errors.lockedRetry', { minutes: Math.max(1, Math.ceil(seconds / 60)) }) : undefined;
          setErrors(formErrorsFrom(error, ids, errorText, retry));
          setPassword('');
        },
      },
    );
  };

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary errors={errors.summary} />
      <TextField
        id={ids.identifier}
        label={t(props.audience === 'officer' ? 'officer.identifier' : 'citizen.identifier')}
        name="identifier"
        autoComplete="username"
        required
        value={identifier}
        error={errors.fields.identifier}
        onChange={(event) => setIdentifier(event.target.value)}
      />
      <TextField
        id={ids.password}
        label={t('password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        error={errors.fields.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <Button type="submit" busy={login.isPending}>
        {t('submit')}
      </Button>
    </form>
  );
}

function CodeStep(props: { enrolment: TotpEnrolment | null; onSignedIn: (user: SessionUser) => void; onBack: () => void }) {
  const { t } = useTranslation('auth');
  const errorText = useErrorText();
  const totp = useTotp(props.enrolment ? 'enrol' : 'verify');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const heading = useRef<HTMLHeadingElement>(null);
  const codeId = 'totp-code';

  useEffect(() => heading.current?.focus(), []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const normalized = code.replace(/\s/g, '');
    const invalid = checkFields([['code', codeId, !/^\d{6}$/.test(normalized) && t('errors.codeFormat')]]);
    if (invalid) return setErrors(invalid);
    totp.mutate(normalized, {
      onSuccess: (result) => props.onSignedIn(result.user),
      onError: (error) => {
        setErrors(formErrorsFrom(error, { code: codeId }, errorText));
        setCode('');
      },
    });
  };

  const qr = props.enrolment ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(props.enrolment.qrSvg)}` : null;
  return (
    <div className="sign-in-step">
      <h2 ref={heading} tabIndex={-1}>
        {t(props.enrolment ? 'enrol.title' : 'totp.title')}
      </h2>
      <p>{t(props.enrolment ? 'enrol.lead' : 'totp.lead')}</p>
      {props.enrolment && qr && (
        <div className="totp-enrolment">
          <img className="totp-enrolment__qr" src={qr} alt={t('enrol.qrAlt')} width={200} height={200} />
          <p className="totp-enrolment__manual">
            {t('enrol.manual')}{' '}
            <code className="totp-enrolment__secret" data-testid="totp-secret">
              {props.enrolment.secret.replace(/(.{4})(?=.)/g, '$1 ')}
            </code>
          </p>
        </div>
      )}
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary errors={errors.summary} />
        <TextField
          id={codeId}
          label={t('totp.code')}
          hint={t('totp.codeHint')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          className="field--short"
          value={code}
          error={errors.fields.code}
          onChange={(event) => setCode(event.target.value)}
        />
        <div className="btn-row">
          <Button type="submit" busy={totp.isPending}>
            {t(props.enrolment ? 'enrol.submit' : 'totp.submit')}
          </Button>
          <Button variant="secondary" onClick={props.onBack}>
            {t('back')}
          </Button>
        </div>
      </form>
    </div>
  );
}
