/**
 * Creating an agency under a parent (`POST /agencies`) or correcting one (`PATCH /agencies/{code}`), for system
 * administrators on /office/admin. Required fields are marked and checked before sending (the code with the
 * contract's own pattern: QCVN 102:2016 or QĐ 20/2020); the server's refusal is shown at the field it names (a code
 * already in use under "Mã định danh") with its title in the summary. Every write is audited by the server.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyCodeSchema, agencySchema, type AgencyDto, type AgencyTreeNode } from '@motcua/contracts/organization';
import { api, apiRequest, checkFields, formErrorsFrom, noFormErrors, useErrorText, type FormErrors } from '../../api';
import { Button, Checkbox, FormErrorSummary, Select, TextField, useToast } from '../../ui';
import { vietnamDate } from '../../calendar/calendar-queries';
import { agencyKinds, agencyLevels, invalidateAgencies, type AgencyKind, type AgencyLevel } from './agency-vocabulary';

export type AgencyFormMode = { kind: 'create'; parentCode: string } | { kind: 'edit'; agency: AgencyDto };

interface Values {
  code: string;
  isCodePlaceholder: boolean;
  name: string;
  shortName: string;
  nameEn: string;
  kind: AgencyKind;
  level: AgencyLevel;
  parentCode: string;
  administrativeUnitCode: string;
  effectiveFrom: string;
}

const ids = {
  code: 'agency-code',
  name: 'agency-name',
  shortName: 'agency-short-name',
  nameEn: 'agency-name-en',
  kind: 'agency-kind',
  level: 'agency-level',
  parentCode: 'agency-parent',
  administrativeUnitCode: 'agency-unit-code',
  effectiveFrom: 'agency-from',
};

/** A ward under the city, a desk under a service centre, otherwise a unit at its parent's level. */
function defaultsUnder(parent: AgencyTreeNode | undefined): Pick<Values, 'kind' | 'level'> {
  if (!parent) return { kind: 'department', level: 'province' };
  if (parent.kind === 'people_committee' && parent.level === 'province') return { kind: 'people_committee', level: 'commune' };
  if (parent.kind === 'service_centre') return { kind: 'desk', level: parent.level };
  if (parent.kind === 'people_committee') return { kind: 'service_centre', level: parent.level };
  return { kind: 'other', level: parent.level };
}

/** The agency and everything under it: none of them can become its parent. */
function subtreeCodes(agencies: readonly AgencyTreeNode[], code: string): Set<string> {
  const out = new Set<string>();
  const visit = (n: AgencyTreeNode) => {
    out.add(n.code);
    n.children.forEach(visit);
  };
  const root = agencies.find((a) => a.code === code);
  if (root) visit(root);
  else out.add(code);
  return out;
}

function initialValues(mode: AgencyFormMode, agencies: readonly AgencyTreeNode[]): Values {
  if (mode.kind === 'edit') {
    const a = mode.agency;
    return {
      code: a.code,
      isCodePlaceholder: a.isCodePlaceholder,
      name: a.name,
      shortName: a.shortName ?? '',
      nameEn: a.nameEn ?? '',
      kind: a.kind,
      level: a.level,
      parentCode: a.parentCode ?? '',
      administrativeUnitCode: a.administrativeUnitCode ?? '',
      effectiveFrom: a.effectiveFrom,
    };
  }
  const parent = agencies.find((a) => a.code === mode.parentCode);
  return { code: '', isCodePlaceholder: false, name: '', shortName: '', nameEn: '', ...defaultsUnder(parent), parentCode: mode.parentCode, administrativeUnitCode: '', effectiveFrom: vietnamDate() };
}

export function AgencyForm({
  mode,
  agencies,
  onDone,
  onCancel,
}: {
  mode: AgencyFormMode;
  /** The agencies the administrator administers (parent choices). */
  agencies: readonly AgencyTreeNode[];
  onDone: (code: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['leader', 'common']);
  const errorText = useErrorText();
  const toast = useToast();
  const client = useQueryClient();
  const [values, setValues] = useState<Values>(() => initialValues(mode, agencies));
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const isCreate = mode.kind === 'create';
  const set = (change: Partial<Values>) => setValues((v) => ({ ...v, ...change }));
  const optional = (text: string) => (text.trim() ? text.trim() : null);
  const parents = mode.kind === 'create' ? agencies : agencies.filter((a) => !subtreeCodes(agencies, mode.agency.code).has(a.code));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const failed = checkFields([
      ['code', ids.code, isCreate && (!values.code.trim() ? t('agencyAdmin.errors.codeRequired') : !agencyCodeSchema.safeParse(values.code.trim()).success && t('agencyAdmin.errors.codeForm'))],
      ['name', ids.name, !values.name.trim() && t('agencyAdmin.errors.nameRequired')],
      ['parentCode', ids.parentCode, !values.parentCode && t('agencyAdmin.errors.parentRequired')],
      ['administrativeUnitCode', ids.administrativeUnitCode, isCreate && values.administrativeUnitCode.trim() !== '' && !/^\d{2,5}$/.test(values.administrativeUnitCode.trim()) && t('agencyAdmin.errors.unitCode')],
      ['effectiveFrom', ids.effectiveFrom, isCreate && !/^\d{4}-\d{2}-\d{2}$/.test(values.effectiveFrom) && t('agencyAdmin.errors.dateRequired')],
    ]);
    setErrors(failed ?? noFormErrors);
    if (failed) return;
    setBusy(true);
    try {
      const names = { name: values.name.trim(), shortName: optional(values.shortName), nameEn: optional(values.nameEn), kind: values.kind, isCodePlaceholder: values.isCodePlaceholder };
      const saved =
        mode.kind === 'create'
          ? await api.post(
              '/agencies',
              { ...names, code: values.code.trim(), level: values.level, parentCode: values.parentCode, administrativeUnitCode: optional(values.administrativeUnitCode), effectiveFrom: values.effectiveFrom },
              agencySchema,
            )
          : await apiRequest('PATCH', `/agencies/${encodeURIComponent(mode.agency.code)}`, {
              body: { ...names, ...(values.parentCode !== (mode.agency.parentCode ?? '') ? { parentCode: values.parentCode } : {}) },
              schema: agencySchema,
            });
      await invalidateAgencies(client);
      toast.show(t(isCreate ? 'agencyAdmin.created' : 'agencyAdmin.updated', { name: saved.name, code: saved.code }), 'success');
      onDone(saved.code);
    } catch (error) {
      setErrors(formErrorsFrom(error, ids, errorText));
    } finally {
      setBusy(false);
    }
  };

  const title = isCreate ? t('agencyAdmin.createTitle') : t('agencyAdmin.editTitle', { name: mode.agency.name });
  return (
    <section className="review-panel" aria-labelledby="agency-form-title">
      <h2 id="agency-form-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <p className="hint-text">{t('agencyAdmin.requiredNote')}</p>
      <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="agency-form-title">
        <FormErrorSummary errors={errors.summary} />
        {isCreate ? (
          <TextField id={ids.code} label={t('agencyAdmin.code')} hint={t('agencyAdmin.codeHint')} required autoComplete="off" value={values.code} error={errors.fields.code} onChange={(e) => set({ code: e.target.value.toUpperCase() })} />
        ) : (
          <p>
            {t('agencyAdmin.code')}: <code>{values.code}</code> — {t('agencyAdmin.codeFixed')}
          </p>
        )}
        <Checkbox label={t('agencyAdmin.placeholderCode')} checked={values.isCodePlaceholder} onChange={(e) => set({ isCodePlaceholder: e.target.checked })} />
        <TextField id={ids.name} label={t('agencyAdmin.name')} hint={t('agencyAdmin.nameHint')} required value={values.name} error={errors.fields.name} onChange={(e) => set({ name: e.target.value })} />
        <TextField id={ids.shortName} label={t('agencyAdmin.shortName')} value={values.shortName} error={errors.fields.shortName} onChange={(e) => set({ shortName: e.target.value })} />
        <TextField id={ids.nameEn} label={t('agencyAdmin.nameEn')} lang="en" value={values.nameEn} error={errors.fields.nameEn} onChange={(e) => set({ nameEn: e.target.value })} />
        <Select
          id={ids.parentCode}
          label={t('agencyAdmin.parent')}
          required
          placeholder="—"
          value={values.parentCode}
          error={errors.fields.parentCode}
          onChange={(e) => set({ parentCode: e.target.value })}
          options={parents.map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }))}
        />
        <Select id={ids.kind} label={t('agencyAdmin.kind')} required value={values.kind} onChange={(e) => set({ kind: e.target.value as AgencyKind })} options={agencyKinds.map((k) => ({ value: k, label: t(`agencyAdmin.kinds.${k}`) }))} />
        {isCreate ? (
          <>
            <Select id={ids.level} label={t('agencyAdmin.level')} required value={values.level} onChange={(e) => set({ level: e.target.value as AgencyLevel })} options={agencyLevels.map((l) => ({ value: l, label: t(`agencyAdmin.levels.${l}`) }))} />
            <TextField
              id={ids.administrativeUnitCode}
              label={t('agencyAdmin.unitCode')}
              hint={t('agencyAdmin.unitCodeHint')}
              inputMode="numeric"
              value={values.administrativeUnitCode}
              error={errors.fields.administrativeUnitCode}
              onChange={(e) => set({ administrativeUnitCode: e.target.value })}
            />
            <TextField id={ids.effectiveFrom} label={t('agencyAdmin.effectiveFrom')} type="date" required value={values.effectiveFrom} error={errors.fields.effectiveFrom} onChange={(e) => set({ effectiveFrom: e.target.value })} />
          </>
        ) : (
          <p>
            {t('agencyAdmin.level')}: {t(`agencyAdmin.levels.${values.level}`)} — {t('agencyAdmin.levelFixed')}
          </p>
        )}
        <div className="toolbar">
          <Button type="submit" busy={busy}>
            {isCreate ? t('agencyAdmin.createSubmit') : t('agencyAdmin.editSubmit')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('agencyAdmin.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
