/**
 * Every action the officer's roles allow on the dossier in its state, each a form that shows what is required.
 * The server is the judge: what the law refuses (a second supplement request, an action on a stale version, a
 * result while steps are open) comes back as problem+json and is shown with its reason. Each action sends the
 * version the officer saw (If-Match); a stale page is told so and reloaded.
 */
import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@motcua/contracts/identity';
import { isApiError, useErrorText } from '../../api';
import { Button, Checkbox, Dialog, FormErrorSummary, Select, TextArea, TextField, useToast, type FormErrorItem } from '../../ui';
import { useAttachments } from '../desk/attachments';
import { dossiersKey, newIdempotencyKey, useDossierAction, type Agency, type Dossier } from '../desk/desk-queries';
import { actionsFor, type ActionSpec, type FieldSpec } from './action-specs';
import { useDossierDocuments } from './result-documents';
import { resultFileChoices } from './result-files';

/** A group of checkboxes; the value is the ticked options' values, one a line. */
function Checks({ spec, value, onChange }: { spec: FieldSpec; value: string; onChange: (v: string) => void }) {
  const hintId = useId();
  const ticked = new Set(value.split('\n').filter(Boolean));
  const toggle = (option: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(option);
    else next.delete(option);
    onChange((spec.options ?? []).map((o) => o.value).filter((v) => next.has(v)).join('\n'));
  };
  return (
    <fieldset id={`action-${spec.name}`} className="field" aria-describedby={spec.hint ? hintId : undefined}>
      <legend>{spec.label}</legend>
      {spec.hint && (
        <p id={hintId} className="hint-text">
          {spec.hint}
        </p>
      )}
      {(spec.options ?? []).map((o) => (
        <Checkbox key={o.value} label={o.label} checked={ticked.has(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
      ))}
    </fieldset>
  );
}

function Field({ spec, value, error, onChange }: { spec: FieldSpec; value: string; error: string | undefined; onChange: (v: string) => void }) {
  if (spec.kind === 'checks') return <Checks spec={spec} value={value} onChange={onChange} />;
  const common = { id: `action-${spec.name}`, label: spec.label, hint: spec.hint, required: spec.required, error, value };
  if (spec.kind === 'textarea' || spec.kind === 'lines') return <TextArea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />;
  if (spec.kind === 'select')
    return <Select {...common} options={spec.options ?? []} placeholder={spec.required ? '' : '—'} onChange={(e) => onChange(e.target.value)} />;
  return (
    <TextField
      {...common}
      type={spec.kind === 'number' ? 'number' : spec.kind === 'datetime' ? 'datetime-local' : 'text'}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

function ActionDialog({ spec, dossier, onClose }: { spec: ActionSpec; dossier: Dossier; onClose: () => void }) {
  const { t } = useTranslation('desk');
  const errorText = useErrorText();
  const toast = useToast();
  const formId = useId();
  const action = useDossierAction(dossier);
  const client = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(spec.fields.map((f) => [f.name, f.initial ?? ''])));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<FormErrorItem[]>([]);
  const [key] = useState(newIdempotencyKey);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = Object.fromEntries(spec.fields.filter((f) => f.required && !values[f.name]?.trim()).map((f) => [f.name, t('actions.required', { field: f.label })]));
    setFieldErrors(missing);
    if (Object.keys(missing).length > 0) {
      setSummary(Object.entries(missing).map(([name, message]) => ({ fieldId: `action-${name}`, message })));
      return;
    }
    action.mutate(
      { path: spec.path, body: spec.body(values), ...(spec.idempotent ? { idempotencyKey: key } : {}) },
      {
        onSuccess: () => {
          toast.show(t('actions.done', { action: spec.label }), 'success');
          onClose();
        },
        onError: (error) => {
          const stale = isApiError(error) && error.code === 'STALE_VERSION';
          // Someone acted first: reload the dossier so the next attempt is judged on what they left.
          if (stale) void client.invalidateQueries({ queryKey: dossiersKey });
          const byField: Record<string, string> = {};
          if (isApiError(error)) for (const [name, message] of Object.entries(error.fieldErrors)) if (spec.fields.some((f) => f.name === name)) byField[name] = message;
          setFieldErrors(byField);
          setSummary([
            { message: stale ? `${errorText(error)} ${t('actions.stale')}` : errorText(error) },
            ...Object.entries(byField).map(([name, message]) => ({ fieldId: `action-${name}`, message })),
          ]);
        },
      },
    );
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={spec.label}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('reception.cancel')}
          </Button>
          <Button type="submit" form={formId} variant={spec.tone === 'danger' ? 'danger' : 'primary'} busy={action.isPending}>
            {spec.confirm ?? spec.label}
          </Button>
        </>
      }
    >
      <form id={formId} noValidate onSubmit={submit}>
        <FormErrorSummary errors={summary} />
        {spec.lead && <p>{spec.lead}</p>}
        {spec.fields.map((f) => (
          <Field key={f.name} spec={f} value={values[f.name] ?? ''} error={fieldErrors[f.name]} onChange={(v) => setValues((s) => ({ ...s, [f.name]: v }))} />
        ))}
      </form>
    </Dialog>
  );
}

export function DossierActions({ dossier, user, agencies }: { dossier: Dossier; user: SessionUser; agencies: readonly Agency[] }) {
  const { t } = useTranslation('desk');
  const [open, setOpen] = useState<ActionSpec | null>(null);
  // The result files on the dossier, for the "record the result" action (cached with the page's own lists).
  const attachments = useAttachments(dossier.id);
  const documents = useDossierDocuments(dossier.id);
  const resultFiles = resultFileChoices(attachments.data?.items ?? [], documents.data?.items ?? []);
  const specs = actionsFor(dossier, user, agencies, t, resultFiles);
  return (
    <section aria-labelledby="dossier-actions" className="dossier__section dossier__actions">
      <h2 id="dossier-actions">{t('dossierPage.actions')}</h2>
      {specs.length === 0 ? (
        <p>{t('dossierPage.noActions')}</p>
      ) : (
        <div className="reception__actions">
          {specs.map((spec) => (
            <Button key={spec.id} variant={spec.tone ?? 'secondary'} onClick={() => setOpen(spec)}>
              {spec.label}
            </Button>
          ))}
        </div>
      )}
      {open && <ActionDialog spec={open} dossier={dossier} onClose={() => setOpen(null)} />}
    </section>
  );
}
