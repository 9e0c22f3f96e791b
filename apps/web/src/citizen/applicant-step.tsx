/**
 * The wizard's first step: who submits (pre-filled from the profile) and whom for — the citizen themself, or one of
 * the businesses listed in their profile. For a business, the business is the dossier owner (its name, tax code
 * and address come from the profile, the server reads them again) and the citizen says in what capacity they act.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTaxCode, type Organisation } from '@motcua/contracts/portal';
import { applicantCapacities, applicantSection } from '@motcua/contracts/portal-forms';
import { Select, TextField } from '../ui';
import { DeclarationField, fieldDomId } from './declaration-fields';

type Values = Readonly<Record<string, unknown>>;

function Choice({ name, id, checked, label, onChange }: { name: string; id: string; checked: boolean; label: string; onChange: () => void }) {
  return (
    <div className="checkbox">
      <input className="checkbox__input" type="radio" id={id} name={name} checked={checked} onChange={onChange} />
      <label className="checkbox__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

export function ApplicantStep({
  values,
  errors,
  organisations,
  onChange,
}: {
  values: Values;
  errors: Readonly<Record<string, string>>;
  organisations: readonly Organisation[];
  onChange: (field: string, value: unknown) => void;
}) {
  const { t } = useTranslation('citizen');
  const forOrganisation = values['applicant.for'] === 'organisation';
  const organisation = organisations.find((o) => o.id === values['organisation.id']);
  const capacity = String(values['applicant.capacity'] ?? '');
  return (
    <>
      {organisations.length > 0 || forOrganisation ? (
        <fieldset className="field" id={fieldDomId('applicant.for')}>
          <legend className="field__label">{t('form.applicant.for')}</legend>
          <Choice name="applicant-for" id="applicant-for-self" checked={!forOrganisation} label={t('applicantFor.self')} onChange={() => onChange('applicant.for', 'self')} />
          <Choice name="applicant-for" id="applicant-for-organisation" checked={forOrganisation} label={t('applicantFor.organisation')} onChange={() => onChange('applicant.for', 'organisation')} />
        </fieldset>
      ) : (
        <p className="field__hint">
          {t('applicantFor.none')} <Link to="/my/profile">{t('applicantFor.addLink')}</Link>
        </p>
      )}
      {forOrganisation && (
        <section className="card" aria-labelledby="applicant-organisation">
          <h2 id="applicant-organisation">{t('applicantFor.ownerTitle')}</h2>
          <Select
            id={fieldDomId('organisation.id')}
            label={t('form.organisation.id')}
            hint={t('applicantFor.organisationHint')}
            required
            placeholder={t('form.choose')}
            value={String(values['organisation.id'] ?? '')}
            error={errors['organisation.id']}
            options={organisations.map((o) => ({ value: o.id, label: `${o.name} — ${t('profile.taxCode')} ${formatTaxCode(o.taxCode)}` }))}
            onChange={(e) => onChange('organisation.id', e.target.value)}
          />
          {organisation && <OrganisationFacts organisation={organisation} />}
          <fieldset className={`field${errors['applicant.capacity'] ? ' field--error' : ''}`} id={fieldDomId('applicant.capacity')}>
            <legend className="field__label">{t('form.applicant.capacity')}</legend>
            {errors['applicant.capacity'] && <p className="field__error">{errors['applicant.capacity']}</p>}
            {applicantCapacities.map((c) => (
              <Choice key={c} name="applicant-capacity" id={`applicant-capacity-${c}`} checked={capacity === c} label={t(`applicantFor.capacities.${c}`)} onChange={() => onChange('applicant.capacity', c)} />
            ))}
          </fieldset>
          {capacity === 'authorised' && (
            <TextField
              id={fieldDomId('applicant.authorisationDocument')}
              label={t('form.applicant.authorisationDocument')}
              hint={t('applicantFor.authorisationHint')}
              required
              maxLength={300}
              value={String(values['applicant.authorisationDocument'] ?? '')}
              error={errors['applicant.authorisationDocument']}
              onChange={(e) => onChange('applicant.authorisationDocument', e.target.value)}
            />
          )}
        </section>
      )}
      {forOrganisation && <h2>{t('applicantFor.personTitle')}</h2>}
      {applicantSection.fields.map((f) => (
        <DeclarationField key={f.id} field={f} value={values[f.id]} error={errors[f.id]} onChange={(v) => onChange(f.id, v)} />
      ))}
    </>
  );
}

/** What the profile holds about the business: shown, not edited here (the profile page changes it). */
export function OrganisationFacts({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation('citizen');
  return (
    <dl className="review__list">
      <div>
        <dt>{t('profile.orgName')}</dt>
        <dd>{organisation.name}</dd>
      </div>
      <div>
        <dt>{t('profile.taxCode')}</dt>
        <dd>{formatTaxCode(organisation.taxCode)}</dd>
      </div>
      <div>
        <dt>{t('profile.orgAddress')}</dt>
        <dd>{organisation.address ?? '—'}</dd>
      </div>
      <div>
        <dt>{t('profile.orgRepresentative')}</dt>
        <dd>{organisation.representative ?? '—'}</dd>
      </div>
    </dl>
  );
}
