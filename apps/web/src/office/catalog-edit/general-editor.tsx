/**
 * The draft's general information (PUT /admin/procedure-drafts/{id}): name, field, levels, competent agency and
 * receiving desks (picked from the administrator's part of the organisation tree, agency-fields.tsx), online level,
 * postal options, personal presence, subjects, steps, conditions, results, legal basis, source, verification. The
 * inferred-field list is kept as it is. Problems the server finds are shown at their fields.
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { draftResponse } from '@motcua/contracts/catalog-admin';
import { apiRequest, useErrorText } from '../../api';
import { Button, Checkbox, Select, TextArea, TextField, useToast } from '../../ui';
import { generalOf, lines, orNull, type Draft, type General } from './draft-types';
import { AgencyRefField, DesksField, useScopedAgencies } from './agency-fields';
import { useIssueText } from './issue-text';
import { fieldErrorOf, saveErrorText } from './save-error';

const levels = ['commune', 'province', 'central', 'district_legacy'] as const;

type Basis = General['legalBasis'][number];
const basisLine = (b: Basis) => [b.number, b.title, b.date ?? ''].join(' | ');
function parseBasis(text: string, before: readonly Basis[]): Basis[] {
  return lines(text).map((line) => {
    const [number = '', title = '', date = ''] = line.split('|').map((p) => p.trim());
    const same = before.find((b) => b.number === number);
    return { number, title: title || number, issuedBy: same?.issuedBy ?? null, date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null };
  });
}

export function GeneralEditor({ draft, editable, onSaved }: { draft: Draft; editable: boolean; onSaved: (d: Draft) => void }) {
  const { t } = useTranslation(['catalog', 'common']);
  const errorText = useErrorText();
  const issueText = useIssueText();
  const toast = useToast();
  const start = generalOf(draft.content);
  const [g, setG] = useState<General>(start);
  const [steps, setSteps] = useState(start.steps.join('\n'));
  const [results, setResults] = useState(start.results.map((r) => r.name).join('\n'));
  const [basis, setBasis] = useState(start.legalBasis.map(basisLine).join('\n'));
  const [source, setSource] = useState({ url: start.source?.url ?? '', note: start.source?.note ?? '' });
  const agencies = useScopedAgencies();
  const set = <K extends keyof General>(key: K, value: General[K]) => setG((old) => ({ ...old, [key]: value }));
  const save = useMutation({
    mutationFn: () => {
      const general: General = {
        ...g,
        name: g.name.trim(),
        subjects: orNull(g.subjects),
        conditions: orNull(g.conditions),
        partialOnlineReason: orNull(g.partialOnlineReason),
        steps: lines(steps),
        results: lines(results).map((name) => ({ code: start.results.find((r) => r.name === name)?.code ?? null, name })),
        legalBasis: parseBasis(basis, start.legalBasis),
        source: orNull(source.url) || orNull(source.note) ? { url: orNull(source.url), note: orNull(source.note) } : null,
      };
      return apiRequest('PUT', `/admin/procedure-drafts/${draft.id}`, { body: { rowVersion: draft.rowVersion, general }, schema: draftResponse });
    },
    onSuccess: (next) => {
      toast.show(t('office.edit.generalSaved'), 'success');
      onSaved(next);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const postal = g.postal ?? { submit: false, return: false };
  const fieldError = (key: string) => (save.isError ? fieldErrorOf(save.error, key, issueText) : null);

  return (
    <form noValidate onSubmit={submit} className="catalog-edit" aria-labelledby="general-title">
      <h2 id="general-title">{t('office.edit.generalTitle')}</h2>
      <fieldset disabled={!editable}>
        <legend className="visually-hidden">{t('office.edit.generalTitle')}</legend>
        <TextField label={t('office.edit.name')} value={g.name} required onChange={(e) => set('name', e.target.value)} />
        <div className="catalog-edit__row">
          <TextField label={t('office.edit.fieldCode')} value={g.field.code} required onChange={(e) => set('field', { ...g.field, code: e.target.value })} />
          <TextField label={t('office.edit.fieldName')} value={g.field.name} required onChange={(e) => set('field', { ...g.field, name: e.target.value })} />
        </div>
        <fieldset className="catalog-edit__group">
          <legend>{t('office.edit.levels')}</legend>
          {levels.map((level) => (
            <Checkbox
              key={level}
              label={t(`levels.${level}`)}
              checked={g.levels.includes(level)}
              onChange={(e) => set('levels', e.target.checked ? [...g.levels, level] : g.levels.filter((l) => l !== level))}
            />
          ))}
        </fieldset>
        {agencies.isError && <p role="alert">{errorText(agencies.error)}</p>}
        <AgencyRefField
          legend={t('office.edit.competentAgency')}
          value={g.competentAgency}
          agencies={agencies.data?.items ?? []}
          error={fieldError('competentAgency')}
          onChange={(next) => set('competentAgency', next)}
        />
        <DesksField
          value={g.receivingDesks}
          agencies={agencies.data?.items ?? []}
          errorAt={(i) => fieldError(`receivingDesks.${i}`)}
          onChange={(next) => set('receivingDesks', next)}
        />
        <Select
          label={t('office.edit.onlineLevel')}
          value={g.onlineLevel ?? 'unknown'}
          options={(['full', 'partial', 'none', 'unknown'] as const).map((v) => ({ value: v, label: t(`onlineLevels.${v}`) }))}
          onChange={(e) => set('onlineLevel', e.target.value === 'unknown' ? null : (e.target.value as General['onlineLevel']))}
        />
        <fieldset className="catalog-edit__group">
          <legend>{t('office.edit.postal')}</legend>
          <Checkbox label={t('office.edit.postalSubmit')} checked={postal.submit} onChange={(e) => set('postal', { ...postal, submit: e.target.checked })} />
          <Checkbox label={t('office.edit.postalReturn')} checked={postal.return} onChange={(e) => set('postal', { ...postal, return: e.target.checked })} />
          <Checkbox
            label={t('office.edit.presence')}
            checked={g.requiresPersonalPresence}
            onChange={(e) => set('requiresPersonalPresence', e.target.checked)}
          />
        </fieldset>
        <TextArea label={t('office.edit.subjects')} value={g.subjects ?? ''} rows={2} onChange={(e) => set('subjects', e.target.value)} />
        <TextArea label={t('office.edit.steps')} hint={t('office.edit.oneper')} value={steps} rows={4} onChange={(e) => setSteps(e.target.value)} />
        <TextArea label={t('office.edit.conditions')} value={g.conditions ?? ''} rows={2} onChange={(e) => set('conditions', e.target.value)} />
        <TextArea label={t('office.edit.results')} hint={t('office.edit.oneper')} value={results} rows={2} onChange={(e) => setResults(e.target.value)} />
        <TextArea label={t('office.edit.legalBasis')} hint={t('office.edit.legalBasisHint')} value={basis} rows={4} onChange={(e) => setBasis(e.target.value)} />
        <fieldset className="catalog-edit__group">
          <legend>{t('office.edit.source')}</legend>
          <TextField
            label={t('office.edit.sourceUrl')}
            hint={t('office.edit.sourceUrlHint')}
            type="url"
            inputMode="url"
            value={source.url}
            error={fieldError('source.url')}
            onChange={(e) => setSource({ ...source, url: e.target.value })}
          />
          <TextField label={t('office.edit.sourceNote')} value={source.note} error={fieldError('source.note')} onChange={(e) => setSource({ ...source, note: e.target.value })} />
        </fieldset>
        <Checkbox label={t('office.edit.verified')} checked={g.isVerified} onChange={(e) => set('isVerified', e.target.checked)} />
      </fieldset>
      {save.isError && (
        <p role="alert" className="field__error">
          {saveErrorText(save.error, errorText(save.error), issueText)}
        </p>
      )}
      {editable && (
        <Button type="submit" busy={save.isPending}>
          {t('office.edit.saveGeneral')}
        </Button>
      )}
    </form>
  );
}
