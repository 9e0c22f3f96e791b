/**
 * The online declaration (tờ khai) filed with a dossier, read-only: `GET /dossiers/{id}/declaration` rendered with
 * the form's own labels (`citizen:form.*`, the wizard's), grouped by its sections, options by their labels, dates as
 * dd/mm/yyyy, the pledge in words, empty values as "—". Shared by the officer's dossier page
 * (office/dossier/online-declaration.tsx) and the citizen's own dossier page; both load the `citizen` namespace.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dossierDeclarationResponse, type DossierDeclarationDto } from '@motcua/contracts/dossiers';
import { applicantSection, declarationFor, type FormSection } from '@motcua/contracts/portal-forms';
import { api, isApiError, useErrorText } from '../api';
import { Spinner } from '../ui';
import { useDeclaredValue } from './declared-value';
import { formatInstant } from './dossier-view';
import './declaration-view.css';

export const declarationQueryKey = (dossierId: string) => ['dossiers', dossierId, 'declaration'] as const;

export function useDeclaration(dossierId: string, enabled = true) {
  return useQuery({
    queryKey: declarationQueryKey(dossierId),
    enabled,
    queryFn: ({ signal }) => api.get(`/dossiers/${encodeURIComponent(dossierId)}/declaration`, dossierDeclarationResponse, { signal }),
  });
}

function Section({ id, title, rows }: { id: string; title: string; rows: readonly { key: string; label: string; value: string }[] }) {
  return (
    <section className="declaration__section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <dl className="declaration__list">
        {rows.map((r) => (
          <div key={r.key} className="declaration__row">
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The declaration's sections: the applicant as declared, then the form's own sections in form order. */
export function DeclarationView({ declaration, idPrefix = 'declaration' }: { declaration: DossierDeclarationDto; idPrefix?: string }) {
  const { t, i18n } = useTranslation('citizen');
  const shown = useDeclaredValue();
  const form = declarationFor(declaration.procedureCode);
  const rowsOf = (section: FormSection, values: DossierDeclarationDto['values']) =>
    section.fields.map((f) => ({ key: f.id, label: t(`form.${f.id}` as 'form.child.fullName'), value: shown(f, values[f.id]) }));
  const applicant = declaration.applicant;
  const forOrganisation = applicant['applicant.for'] === 'organisation';
  const applicantRows = [
    ...rowsOf(applicantSection, applicant),
    ...(forOrganisation
      ? [
          {
            key: 'applicant.capacity',
            label: t('form.applicant.capacity'),
            value: applicant['applicant.capacity'] ? t(`applicantFor.capacities.${String(applicant['applicant.capacity'])}` as 'applicantFor.capacities.authorised') : '—',
          },
          ...(applicant['applicant.capacity'] === 'authorised'
            ? [{ key: 'applicant.authorisationDocument', label: t('form.applicant.authorisationDocument'), value: String(applicant['applicant.authorisationDocument'] ?? '—') }]
            : []),
        ]
      : []),
  ];
  const formName = t(`declaration.forms.${form.id}` as 'declaration.forms.generic', { defaultValue: '' });
  const when = formatInstant(declaration.submittedAt, i18n.language);
  return (
    <div className="declaration">
      <p className="declaration__meta">
        {formName && <strong>{formName}</strong>}
        {formName && ' — '}
        {t('declaration.submittedAt', { time: when })}
      </p>
      <Section id={`${idPrefix}-applicant`} title={t('submit.steps.applicant')} rows={applicantRows} />
      {form.sections.map((s) => (
        <Section key={s.id} id={`${idPrefix}-${s.id}`} title={t(`submit.steps.${s.id}` as 'submit.steps.applicant')} rows={rowsOf(s, declaration.values)} />
      ))}
    </div>
  );
}

/**
 * The declaration under a heading, with its loading and error states; nothing at all for a dossier that has no
 * online declaration (404 DOSSIER_DECLARATION_NOT_FOUND: received at the counter or by post). `collapsible`: folded
 * in a disclosure (`<details>`) whose summary is the title, for a screen where it is a reference, not the subject.
 */
export function DeclarationSection({
  dossierId,
  title,
  className,
  headingId = 'dossier-declaration',
  collapsible = false,
}: {
  dossierId: string;
  title: string;
  className?: string;
  headingId?: string;
  collapsible?: boolean;
}) {
  const { t } = useTranslation('citizen');
  const errorText = useErrorText();
  const declaration = useDeclaration(dossierId);
  if (isApiError(declaration.error) && declaration.error.code === 'DOSSIER_DECLARATION_NOT_FOUND') return null;
  const content = (
    <>
      {declaration.isPending && <Spinner label={t('declaration.loading')} />}
      {declaration.error && (
        <p role="alert" className="declaration__error">
          {t('declaration.failed')} {errorText(declaration.error)}
        </p>
      )}
      {declaration.data && <DeclarationView declaration={declaration.data} idPrefix={headingId} />}
    </>
  );
  if (collapsible) {
    return (
      <details className={className}>
        <summary id={headingId}>{title}</summary>
        {content}
      </details>
    );
  }
  return (
    <section aria-labelledby={headingId} className={className}>
      <h2 id={headingId}>{title}</h2>
      {content}
    </section>
  );
}
