/**
 * One case of a draft (PUT /admin/procedure-drafts/{id}/cases/{caseId}): name and description, time limits
 * (amount, unit, channels, same-day cut-off), fees (phí / lệ phí, amount in đồng or a rule) and required documents
 * (counts of originals and copies, mandatory / optional / conditional, form templates) with who is exempt from each
 * fee (đối tượng được miễn). Workflows are edited by the step editor. Problems are shown at their fields.
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { draftResponse } from '@motcua/contracts/catalog-admin';
import { apiRequest, useErrorText } from '../../api';
import { Button, Checkbox, Select, TextArea, TextField, useToast } from '../../ui';
import { caseBodyOf, numberOf, orNull, type CaseBody, type Draft, type ProcedureCase } from './draft-types';
import { FormTemplatesField } from './form-templates-field';
import { useIssueText } from './issue-text';
import { fieldErrorOf, saveErrorText } from './save-error';

type Time = CaseBody['processingTimes'][number];
type Fee = CaseBody['fees'][number];
type Doc = CaseBody['documents'][number];
const channels = ['counter', 'online', 'postal'] as const;
const units = ['working-days', 'working-hours', 'calendar-days', 'months'] as const;

const newTime = (): Time => ({ amount: 1, unit: 'working-days', channels: ['counter', 'online'], sameDayCutoff: null, note: null, isInferred: false });
const newFee = (): Fee => ({ code: null, name: '', kind: 'charge', amountVnd: null, per: null, rule: null, exemptions: [], channels: [] });
const newDoc = (): Doc => ({
  code: null,
  name: '',
  originals: 1,
  certifiedCopies: 0,
  photocopies: 0,
  copies: 0,
  requirement: 'mandatory',
  condition: null,
  isPresentOnly: false,
  formTemplates: [],
});

function cleanBody(body: CaseBody): CaseBody {
  return {
    ...body,
    name: body.name.trim(),
    description: orNull(body.description),
    processingTimes: body.processingTimes.map((p) => ({ ...p, sameDayCutoff: orNull(p.sameDayCutoff), note: orNull(p.note) })),
    fees: body.fees.map((f) => ({
      ...f,
      name: f.name.trim(),
      code: orNull(f.code),
      per: orNull(f.per),
      rule: orNull(f.rule),
      exemptions: f.exemptions.map((e) => e.trim()).filter(Boolean),
    })),
    documents: body.documents.map((d) => ({
      ...d,
      name: d.name.trim(),
      code: orNull(d.code),
      condition: orNull(d.condition),
      formTemplates: d.formTemplates.map((f) => ({ name: f.name.trim(), url: orNull(f.url) })),
    })),
  };
}

/** A document's channels after ticking one: all three ticked = every channel (no list, as the seed and old files say it). */
function docChannels(current: Doc['channels'], channel: (typeof channels)[number], ticked: boolean): Doc['channels'] {
  const before = current ?? channels;
  const next = channels.filter((c) => (c === channel ? ticked : before.includes(c)));
  return next.length === channels.length ? undefined : next;
}

export function CaseEditor({ draft, item, editable, onSaved }: { draft: Draft; item: ProcedureCase; editable: boolean; onSaved: (d: Draft | null) => void }) {
  const { t } = useTranslation(['catalog', 'common']);
  const errorText = useErrorText();
  const issueText = useIssueText();
  const toast = useToast();
  const [body, setBody] = useState<CaseBody>(() => caseBodyOf(item));
  type Lists = Pick<CaseBody, 'processingTimes' | 'fees' | 'documents'>;
  const patch = <K extends keyof Lists>(key: K, at: number, change: Partial<Lists[K][number]>) =>
    setBody((old) => ({ ...old, [key]: (old[key] as unknown[]).map((row, i) => (i === at ? { ...(row as object), ...change } : row)) }));
  const drop = (key: 'processingTimes' | 'fees' | 'documents', at: number) =>
    setBody((old) => ({ ...old, [key]: (old[key] as unknown[]).filter((_, i) => i !== at) }));
  const url = `/admin/procedure-drafts/${draft.id}/cases/${item.id}`;
  const save = useMutation({
    mutationFn: () => apiRequest('PUT', url, { body: { rowVersion: draft.rowVersion, case: cleanBody(body) }, schema: draftResponse }),
    onSuccess: (next) => {
      toast.show(t('office.edit.caseSaved', { name: body.name }), 'success');
      onSaved(next);
    },
  });
  const remove = useMutation({
    mutationFn: () => apiRequest('DELETE', `${url}?rowVersion=${draft.rowVersion}`, { schema: draftResponse }),
    onSuccess: (next) => {
      toast.show(t('office.edit.caseRemoved', { name: item.name }), 'success');
      onSaved(next);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const failed = save.error ?? remove.error;
  const n = (i: number) => ({ n: i + 1 });
  const fieldError = (key: string) => (save.isError ? fieldErrorOf(save.error, key, issueText) : null);

  return (
    <form noValidate onSubmit={submit} className="catalog-edit" aria-label={t('office.edit.caseForm', { name: item.name })}>
      <fieldset disabled={!editable}>
        <legend>{t('office.edit.caseForm', { name: item.name })}</legend>
        <TextField label={t('office.edit.caseName')} value={body.name} required onChange={(e) => setBody({ ...body, name: e.target.value })} />
        <TextArea label={t('office.edit.caseDescription')} value={body.description ?? ''} rows={2} onChange={(e) => setBody({ ...body, description: e.target.value })} />

        <h4>{t('office.edit.timesTitle')}</h4>
        {body.processingTimes.map((p, i) => (
          <fieldset key={i} className="catalog-edit__item">
            <legend>{t('office.edit.time', n(i))}</legend>
            <div className="catalog-edit__row">
              <TextField
                label={t('office.edit.amount', n(i))}
                inputMode="decimal"
                value={String(p.amount)}
                onChange={(e) => patch('processingTimes', i, { amount: numberOf(e.target.value) ?? 0 })}
              />
              <Select
                label={t('office.edit.unit', n(i))}
                value={p.unit}
                options={units.map((u) => ({ value: u, label: t(`units.${u}`, { count: 0 }).replace('0', '').trim() }))}
                onChange={(e) => patch('processingTimes', i, { unit: e.target.value as Time['unit'] })}
              />
              <TextField
                label={t('office.edit.cutoff', n(i))}
                hint={t('office.edit.cutoffHint')}
                value={p.sameDayCutoff ?? ''}
                onChange={(e) => patch('processingTimes', i, { sameDayCutoff: e.target.value })}
              />
            </div>
            {channels.map((c) => (
              <Checkbox
                key={c}
                label={`${t(`channels.${c}`)} (${t('office.edit.time', n(i))})`}
                checked={p.channels.includes(c)}
                onChange={(e) => patch('processingTimes', i, { channels: e.target.checked ? [...p.channels, c] : p.channels.filter((x) => x !== c) })}
              />
            ))}
            <Button variant="link" onClick={() => drop('processingTimes', i)}>
              {t('office.edit.removeTime', n(i))}
            </Button>
          </fieldset>
        ))}
        <Button variant="secondary" onClick={() => setBody({ ...body, processingTimes: [...body.processingTimes, newTime()] })}>
          {t('office.edit.addTime')}
        </Button>

        <h4>{t('office.edit.feesTitle')}</h4>
        {body.fees.map((f, i) => (
          <fieldset key={i} className="catalog-edit__item">
            <legend>{t('office.edit.fee', n(i))}</legend>
            <div className="catalog-edit__row">
              <TextField label={t('office.edit.feeName', n(i))} value={f.name} required onChange={(e) => patch('fees', i, { name: e.target.value })} />
              <Select
                label={t('office.edit.feeKind', n(i))}
                value={f.kind}
                options={[
                  { value: 'charge', label: t('office.edit.charge') },
                  { value: 'fee', label: t('office.edit.feeKindFee') },
                ]}
                onChange={(e) => patch('fees', i, { kind: e.target.value as Fee['kind'] })}
              />
              <TextField
                label={t('office.edit.feeAmount', n(i))}
                hint={t('office.edit.feeAmountHint')}
                inputMode="numeric"
                value={f.amountVnd === null ? '' : String(f.amountVnd)}
                onChange={(e) => patch('fees', i, { amountVnd: numberOf(e.target.value.replace(/[.\s]/g, '')) })}
              />
            </div>
            <TextField label={t('office.edit.feeRule', n(i))} value={f.rule ?? ''} error={fieldError(`fees.${i}.rule`)} onChange={(e) => patch('fees', i, { rule: e.target.value })} />
            <TextArea
              label={t('office.edit.exemptions', n(i))}
              hint={t('office.edit.exemptionsHint')}
              rows={2}
              value={f.exemptions.join('\n')}
              error={fieldError(`fees.${i}.exemptions`)}
              onChange={(e) => patch('fees', i, { exemptions: e.target.value.split('\n') })}
            />
            <Button variant="link" onClick={() => drop('fees', i)}>
              {t('office.edit.removeFee', n(i))}
            </Button>
          </fieldset>
        ))}
        <Button variant="secondary" onClick={() => setBody({ ...body, fees: [...body.fees, newFee()] })}>
          {t('office.edit.addFee')}
        </Button>

        <h4>{t('office.edit.docsTitle')}</h4>
        {body.documents.map((d, i) => (
          <fieldset key={i} className="catalog-edit__item">
            <legend>{t('office.edit.doc', n(i))}</legend>
            <TextArea label={t('office.edit.docName', n(i))} value={d.name} rows={2} required onChange={(e) => patch('documents', i, { name: e.target.value })} />
            <div className="catalog-edit__row">
              {(['originals', 'certifiedCopies', 'photocopies', 'copies'] as const).map((k) => (
                <TextField
                  key={k}
                  label={t(`office.edit.${k}`, n(i))}
                  inputMode="numeric"
                  value={String(d[k])}
                  onChange={(e) => patch('documents', i, { [k]: Math.max(0, Math.round(numberOf(e.target.value) ?? 0)) })}
                />
              ))}
              <Select
                label={t('office.edit.requirement', n(i))}
                value={d.requirement}
                options={(['mandatory', 'optional', 'conditional'] as const).map((r) => ({ value: r, label: t(`office.edit.requirements.${r}`) }))}
                onChange={(e) => patch('documents', i, { requirement: e.target.value as Doc['requirement'] })}
              />
            </div>
            {d.requirement === 'conditional' && (
              <TextField label={t('office.edit.condition', n(i))} value={d.condition ?? ''} onChange={(e) => patch('documents', i, { condition: e.target.value })} />
            )}
            <fieldset className="catalog-edit__channels">
              <legend>{t('office.edit.docChannels', n(i))}</legend>
              {channels.map((c) => (
                <Checkbox
                  key={c}
                  label={`${t(`channels.${c}`)} (${t('office.edit.docChannel', n(i))})`}
                  checked={!d.channels || d.channels.includes(c)}
                  onChange={(e) => patch('documents', i, { channels: docChannels(d.channels, c, e.target.checked) })}
                />
              ))}
              {fieldError(`documents.${i}.channels`) && <p className="field__error">{fieldError(`documents.${i}.channels`)}</p>}
            </fieldset>
            <FormTemplatesField
              docLabel={t('office.edit.doc', n(i))}
              value={d.formTemplates}
              errorAt={(j) => fieldError(`documents.${i}.formTemplates.${j}`)}
              onChange={(next) => patch('documents', i, { formTemplates: next })}
            />
            <Button variant="link" onClick={() => drop('documents', i)}>
              {t('office.edit.removeDoc', n(i))}
            </Button>
          </fieldset>
        ))}
        <Button variant="secondary" onClick={() => setBody({ ...body, documents: [...body.documents, newDoc()] })}>
          {t('office.edit.addDoc')}
        </Button>
      </fieldset>
      {failed && (
        <p role="alert" className="field__error">
          {saveErrorText(failed, errorText(failed), issueText)}
        </p>
      )}
      {editable && (
        <div className="toolbar">
          <Button type="submit" busy={save.isPending}>
            {t('office.edit.saveCase', { name: item.name })}
          </Button>
          <Button variant="danger" busy={remove.isPending} onClick={() => remove.mutate()}>
            {t('office.edit.removeCase', { name: item.name })}
          </Button>
        </div>
      )}
    </form>
  );
}

/** A new case: its id (a slug, kept across versions) and name; time limits, fees and documents follow. */
export function NewCaseForm({ draft, onSaved }: { draft: Draft; onSaved: (d: Draft) => void }) {
  const { t } = useTranslation(['catalog', 'common']);
  const errorText = useErrorText();
  const issueText = useIssueText();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const add = useMutation({
    mutationFn: () =>
      apiRequest('PUT', `/admin/procedure-drafts/${draft.id}/cases/${encodeURIComponent(id.trim())}`, {
        body: { rowVersion: draft.rowVersion, case: { name: name.trim(), description: null, processingTimes: [newTime()], fees: [], documents: [] } },
        schema: draftResponse,
      }),
    onSuccess: (next) => {
      setId('');
      setName('');
      onSaved(next);
    },
  });
  return (
    <form
      noValidate
      className="catalog-edit"
      aria-label={t('office.edit.newCase')}
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate();
      }}
    >
      <h3>{t('office.edit.newCase')}</h3>
      <div className="catalog-edit__row">
        <TextField label={t('office.edit.caseId')} hint={t('office.edit.caseIdHint')} value={id} required onChange={(e) => setId(e.target.value)} />
        <TextField label={t('office.edit.caseName')} value={name} required onChange={(e) => setName(e.target.value)} />
      </div>
      {add.isError && (
        <p role="alert" className="field__error">
          {saveErrorText(add.error, errorText(add.error), issueText)}
        </p>
      )}
      <Button type="submit" variant="secondary" busy={add.isPending}>
        {t('office.edit.addCase')}
      </Button>
    </form>
  );
}
