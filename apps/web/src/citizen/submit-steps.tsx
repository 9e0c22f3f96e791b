/** The wizard's last steps: where to submit and how to receive the result; the review of everything. */
import { useTranslation } from 'react-i18next';
import type { AgencyTreeNode } from '@motcua/contracts/organization';
import type { Organisation } from '@motcua/contracts/portal';
import { applicantSection, deliveryMethods, type DeclarationForm } from '@motcua/contracts/portal-forms';
import { Button, Select, TextArea } from '../ui';
import { OrganisationFacts } from './applicant-step';
import { fieldDomId } from './declaration-fields';
import { useDeclaredValue } from './declared-value';
import type { DocumentSlot, SlotChoice } from './document-slots';

type Values = Readonly<Record<string, unknown>>;

export function PlaceStep({
  values,
  errors,
  centres,
  onChange,
}: {
  values: Values;
  errors: Readonly<Record<string, string>>;
  centres: readonly AgencyTreeNode[];
  onChange: (field: string, value: unknown) => void;
}) {
  const { t } = useTranslation('citizen');
  const method = String(values['delivery.method'] ?? '');
  return (
    <>
      <Select
        id={fieldDomId('place.agencyId')}
        label={t('place.centre')}
        hint={t('place.centreHint')}
        required
        placeholder={t('form.choose')}
        value={String(values['place.agencyId'] ?? '')}
        error={errors['place.agencyId']}
        options={centres.map((c) => ({ value: c.id, label: c.name }))}
        onChange={(e) => onChange('place.agencyId', e.target.value)}
      />
      <fieldset className={`field${errors['delivery.method'] ? ' field--error' : ''}`} id={fieldDomId('delivery.method')}>
        <legend className="field__label">{t('place.delivery')}</legend>
        {errors['delivery.method'] && <p className="field__error">{errors['delivery.method']}</p>}
        {deliveryMethods.map((m) => (
          <div key={m} className="checkbox">
            <input
              className="checkbox__input"
              type="radio"
              id={`delivery-${m}`}
              name="delivery"
              checked={method === m}
              onChange={() => onChange('delivery.method', m)}
            />
            <label className="checkbox__label" htmlFor={`delivery-${m}`}>
              {t(`place.methods.${m}`)}
            </label>
          </div>
        ))}
      </fieldset>
      {method === 'postal' && (
        <TextArea
          id={fieldDomId('delivery.address')}
          label={t('place.address')}
          hint={t('place.addressHint')}
          required
          value={String(values['delivery.address'] ?? '')}
          error={errors['delivery.address']}
          onChange={(e) => onChange('delivery.address', e.target.value)}
        />
      )}
    </>
  );
}

export function ReviewStep({
  form,
  values,
  organisations,
  slots,
  choices,
  centres,
  steps,
  onEdit,
}: {
  form: DeclarationForm;
  values: Values;
  organisations: readonly Organisation[];
  slots: readonly DocumentSlot[];
  choices: Readonly<Record<string, SlotChoice>>;
  centres: readonly AgencyTreeNode[];
  steps: readonly string[];
  onEdit: (step: number) => void;
}) {
  const { t } = useTranslation('citizen');
  const shown = useDeclaredValue();
  const sections = [applicantSection, ...form.sections];
  const organisation = values['applicant.for'] === 'organisation' ? organisations.find((o) => o.id === values['organisation.id']) : undefined;
  return (
    <div className="review">
      <p>{t('review.lead')}</p>
      {organisation && (
        <section className="card review__section" aria-labelledby="review-owner">
          <h2 id="review-owner">{t('applicantFor.ownerTitle')}</h2>
          <OrganisationFacts organisation={organisation} />
          <dl className="review__list">
            <div>
              <dt>{t('form.applicant.capacity')}</dt>
              <dd>{values['applicant.capacity'] ? t(`applicantFor.capacities.${String(values['applicant.capacity'])}` as 'applicantFor.capacities.authorised') : '—'}</dd>
            </div>
            {values['applicant.capacity'] === 'authorised' && (
              <div>
                <dt>{t('form.applicant.authorisationDocument')}</dt>
                <dd>{String(values['applicant.authorisationDocument'] ?? '—')}</dd>
              </div>
            )}
          </dl>
          <Button type="button" variant="link" onClick={() => onEdit(steps.indexOf('applicant'))}>
            {t('review.edit', { section: t('applicantFor.ownerTitle') })}
          </Button>
        </section>
      )}
      {sections.map((s) => (
        <section key={s.id} className="card review__section" aria-labelledby={`review-${s.id}`}>
          <h2 id={`review-${s.id}`}>{t(`submit.steps.${s.id}` as 'submit.steps.applicant')}</h2>
          <dl className="review__list">
            {s.fields.map((f) => (
              <div key={f.id}>
                <dt>{t(`form.${f.id}` as 'form.child.fullName')}</dt>
                <dd>{shown(f, values[f.id])}</dd>
              </div>
            ))}
          </dl>
          <Button type="button" variant="link" onClick={() => onEdit(steps.indexOf(s.id))}>
            {t('review.edit', { section: t(`submit.steps.${s.id}` as 'submit.steps.applicant') })}
          </Button>
        </section>
      ))}
      <section className="card review__section" aria-labelledby="review-documents">
        <h2 id="review-documents">{t('submit.steps.documents')}</h2>
        <ul>
          {slots.map((s) => (
            <li key={s.code}>
              {s.name}: {choices[s.code]?.file?.name ?? (choices[s.code]?.reuseId ? t('review.reused') : t('review.noFile'))}
            </li>
          ))}
        </ul>
        <Button type="button" variant="link" onClick={() => onEdit(steps.indexOf('documents'))}>
          {t('review.edit', { section: t('submit.steps.documents') })}
        </Button>
      </section>
      <section className="card review__section" aria-labelledby="review-place">
        <h2 id="review-place">{t('submit.steps.place')}</h2>
        <dl className="review__list">
          <div>
            <dt>{t('place.centre')}</dt>
            <dd>{centres.find((c) => c.id === values['place.agencyId'])?.name ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('place.delivery')}</dt>
            <dd>{values['delivery.method'] ? t(`place.methods.${String(values['delivery.method'])}` as 'place.methods.online') : '—'}</dd>
          </div>
          {values['delivery.method'] === 'postal' && (
            <div>
              <dt>{t('place.address')}</dt>
              <dd>{String(values['delivery.address'] ?? '—')}</dd>
            </div>
          )}
        </dl>
        <Button type="button" variant="link" onClick={() => onEdit(steps.indexOf('place'))}>
          {t('review.edit', { section: t('submit.steps.place') })}
        </Button>
      </section>
    </div>
  );
}
