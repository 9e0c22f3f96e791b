/**
 * The competent agency (cơ quan có thẩm quyền giải quyết) and receiving desks (nơi tiếp nhận hồ sơ) of a draft,
 * picked rather than typed: an agency of the organisation tree within the administrator's scope
 * (GET /admin/catalog/agencies), a rule ("the people's committee of the commune where the dossier is received",
 * "every commune service centre"), or a body outside the tree by name. An agency the draft already names but the
 * administrator does not administer stays selectable as it is (the server refuses only newly named ones).
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { adminAgenciesResponse } from '@motcua/contracts/catalog-admin';
import { agencyKindValues, procedureLevelValues } from '@motcua/contracts/catalog-content';
import { api, type Infer } from '../../api';
import { Button, Select, TextField } from '../../ui';
import type { General } from './draft-types';

export type AgencyRef = General['competentAgency'];
type ScopedAgency = Infer<typeof adminAgenciesResponse>['items'][number];

export function useScopedAgencies() {
  return useQuery({ queryKey: ['catalog-admin-agencies'], queryFn: () => api.get('/admin/catalog/agencies', adminAgenciesResponse), staleTime: 60_000 });
}

/** One agency reference: its kind, then the agency, the rule, or the outside body's name. */
export function AgencyRefField({
  legend,
  value,
  onChange,
  agencies,
  error,
  extra,
}: {
  legend: string;
  value: AgencyRef;
  onChange: (next: AgencyRef) => void;
  agencies: readonly ScopedAgency[];
  error?: string | null;
  extra?: React.ReactNode;
}) {
  const { t } = useTranslation('catalog');
  type Part = 'kind' | 'agency' | 'rule' | 'agencyKind' | 'level' | 'ruleName' | 'externalName';
  const label = (key: Part) => `${t(`office.edit.agency.${key}`)} (${legend})`;
  const options = agencies.map((a) => ({ value: a.id, label: `${'· '.repeat(a.depth)}${a.name}` }));
  if (value.kind === 'agency' && !agencies.some((a) => a.id === value.agencyId)) {
    options.unshift({ value: value.agencyId, label: t('office.edit.agency.outsideScope', { name: value.name }) });
  }
  const setKind = (kind: AgencyRef['kind']) => {
    if (kind === value.kind) return;
    const first = agencies[0];
    if (kind === 'agency') onChange(first ? { kind, agencyId: first.id, name: first.name } : { kind: 'external', name: value.name });
    else if (kind === 'rule')
      onChange({ kind, rule: 'where_received', agencyKind: 'people_committee', agencyLevel: 'commune', name: t('office.edit.agency.defaultRuleName') });
    else onChange({ kind, name: value.name });
  };

  return (
    <fieldset className="catalog-edit__item">
      <legend>{legend}</legend>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="catalog-edit__row">
        <Select
          label={label('kind')}
          value={value.kind}
          options={(['agency', 'rule', 'external'] as const).map((k) => ({ value: k, label: t(`office.edit.agency.kinds.${k}`) }))}
          onChange={(e) => setKind(e.target.value as AgencyRef['kind'])}
        />
        {value.kind === 'agency' && (
          <Select
            label={label('agency')}
            value={value.agencyId}
            options={options}
            onChange={(e) => {
              const chosen = agencies.find((a) => a.id === e.target.value);
              if (chosen) onChange({ kind: 'agency', agencyId: chosen.id, name: chosen.name });
            }}
          />
        )}
      </div>
      {value.kind === 'rule' && (
        <>
          <div className="catalog-edit__row">
            <Select
              label={label('rule')}
              value={value.rule}
              options={(['where_received', 'every'] as const).map((r) => ({ value: r, label: t(`office.edit.agency.rules.${r}`) }))}
              onChange={(e) => onChange({ ...value, rule: e.target.value as 'where_received' | 'every' })}
            />
            <Select
              label={label('agencyKind')}
              value={value.agencyKind}
              options={agencyKindValues.map((k) => ({ value: k, label: t(`office.edit.agency.agencyKinds.${k}`) }))}
              onChange={(e) => onChange({ ...value, agencyKind: e.target.value as typeof value.agencyKind })}
            />
            <Select
              label={label('level')}
              value={value.agencyLevel}
              options={procedureLevelValues.map((l) => ({ value: l, label: t(`levels.${l}`) }))}
              onChange={(e) => onChange({ ...value, agencyLevel: e.target.value as typeof value.agencyLevel })}
            />
          </div>
          <TextField label={label('ruleName')} hint={t('office.edit.agency.ruleNameHint')} value={value.name} required onChange={(e) => onChange({ ...value, name: e.target.value })} />
        </>
      )}
      {value.kind === 'external' && (
        <TextField label={label('externalName')} value={value.name} required onChange={(e) => onChange({ ...value, name: e.target.value })} />
      )}
      {extra}
    </fieldset>
  );
}

/** The receiving desks: a list of references, each removable, and one more to add. */
export function DesksField({
  value,
  onChange,
  agencies,
  errorAt,
}: {
  value: readonly AgencyRef[];
  onChange: (next: AgencyRef[]) => void;
  agencies: readonly ScopedAgency[];
  errorAt: (index: number) => string | null;
}) {
  const { t } = useTranslation('catalog');
  const desk = agencies.find((a) => a.kind === 'desk') ?? agencies.find((a) => a.kind === 'service_centre') ?? agencies[0];
  return (
    <fieldset className="catalog-edit__group">
      <legend>{t('office.edit.desks')}</legend>
      {value.length === 0 && <p className="muted">{t('office.edit.noDesks')}</p>}
      {value.map((d, i) => (
        <AgencyRefField
          key={i}
          legend={t('office.edit.desk', { n: i + 1 })}
          value={d}
          agencies={agencies}
          error={errorAt(i)}
          onChange={(next) => onChange(value.map((old, j) => (j === i ? next : old)))}
          extra={
            <Button variant="link" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t('office.edit.removeDesk', { n: i + 1 })}
            </Button>
          }
        />
      ))}
      <Button
        variant="secondary"
        onClick={() =>
          onChange([
            ...value,
            desk
              ? { kind: 'agency', agencyId: desk.id, name: desk.name }
              : { kind: 'rule', rule: 'every', agencyKind: 'service_centre', agencyLevel: 'commune', name: t('office.edit.agency.defaultDeskName') },
          ])
        }
      >
        {t('office.edit.addDesk')}
      </Button>
    </fieldset>
  );
}
