/**
 * Online submission, step by step: the applicant (pre-filled from the profile), the declaration's sections, one
 * upload slot per required document, where to submit and how to receive the result, review, submit. "Lưu nháp"
 * keeps everything but the files on the server (resume on any device: /procedures/:code/submit?draft=<id>).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { procedureDetailResponse } from '@motcua/contracts/catalog';
import { reusableAttachmentListResponse } from '@motcua/contracts/dossiers';
import { listAgenciesResponse } from '@motcua/contracts/organization';
import { attachmentLimitsResponse, draftSchema, organisationsResponse, profileResponse, submissionResponse, type SubmissionResponse } from '@motcua/contracts/portal';
import { checkApplicant, checkSection, checkSubmission, declarationDocument, declarationFor, declarationMessage, type DeclarationProblem } from '@motcua/contracts/portal-forms';
import { api, isApiError, noFormErrors, useErrorText, type FormErrors } from '../api';
import { RequireUser } from '../shell/require-user';
import { usePageTitle } from '../shell/page-title';
import { Button, FormErrorSummary, Progress, Spinner, useToast } from '../ui';
import { legalToday, queryKeys } from './citizen-api';
import { ApplicantStep } from './applicant-step';
import { DeclarationField, fieldDomId } from './declaration-fields';
import { DocumentSlots, onlineSlots, slotId, type DocumentSlot, type SlotChoice } from './document-slots';
import { SubmissionDone } from './submission-done';
import { PlaceStep, ReviewStep } from './submit-steps';
import './citizen.css';

type Values = Record<string, unknown>;

function useWizardData(code: string, draftId: string | null) {
  const procedure = useQuery({ queryKey: ['procedure', code], queryFn: () => api.get(`/procedures/${encodeURIComponent(code)}`, procedureDetailResponse) });
  const profile = useQuery({ queryKey: queryKeys.profile, queryFn: () => api.get('/portal/profile', profileResponse) });
  const draft = useQuery({ queryKey: queryKeys.draft(draftId ?? '-'), queryFn: () => api.get(`/portal/drafts/${draftId}`, draftSchema), enabled: draftId !== null });
  const centres = useQuery({ queryKey: ['agencies', 'service_centre'], queryFn: () => api.get('/agencies?kind=service_centre', listAgenciesResponse), staleTime: 600_000 });
  const limits = useQuery({ queryKey: ['portal', 'limits'], queryFn: () => api.get('/portal/attachment-limits', attachmentLimitsResponse), staleTime: Infinity });
  const reusable = useQuery({ queryKey: ['attachments', 'reusable'], queryFn: () => api.get('/attachments/reusable', reusableAttachmentListResponse) });
  const organisations = useQuery({ queryKey: queryKeys.organisations, queryFn: () => api.get('/portal/organisations', organisationsResponse) });
  return { procedure, profile, draft, centres, limits, reusable, organisations };
}

export default function SubmitPage() {
  return <RequireUser kind="citizen" loginPath="/login">{() => <Wizard />}</RequireUser>;
}

function Wizard() {
  const { t, i18n } = useTranslation('citizen');
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const errorText = useErrorText();
  const toast = useToast();
  const queryClient = useQueryClient();
  const draftId = params.get('draft');
  const data = useWizardData(code, draftId);
  const form = declarationFor(code);
  const caseCode = data.draft.data?.caseCode ?? params.get('case') ?? data.procedure.data?.content.cases[0]?.id ?? '';
  const procedureCase = data.procedure.data?.content.cases.find((c) => c.id === caseCode);
  const steps = useMemo(() => ['applicant', ...form.sections.map((s) => s.id), 'documents', 'place', 'review'], [form]);
  usePageTitle(t('submit.title', { name: data.procedure.data?.content.name ?? code }));

  const [values, setValues] = useState<Values | null>(null);
  const [step, setStep] = useState(0);
  const [saved, setSaved] = useState<{ id: string; rowVersion: number } | null>(null);
  const [choices, setChoices] = useState<Record<string, SlotChoice>>({});
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [done, setDone] = useState<SubmissionResponse | null>(null);

  // Start from the draft when resuming, else from the profile.
  useEffect(() => {
    if (values) return;
    if (draftId && data.draft.data) {
      setValues({ ...data.draft.data.content.values });
      setStep(Math.min(data.draft.data.content.step, steps.length - 1));
      setSaved({ id: data.draft.data.id, rowVersion: data.draft.data.rowVersion });
    } else if (!draftId && data.profile.data) {
      const p = data.profile.data;
      setValues({
        'applicant.fullName': p.fullName,
        'applicant.identityNumber': p.identityNumber ?? '',
        'applicant.phone': p.phone ?? '',
        'applicant.email': p.email ?? '',
        'applicant.address': p.address ?? '',
        'delivery.method': 'online',
      });
    }
  }, [values, draftId, data.draft.data, data.profile.data, steps.length]);

  // The declaration filled in these steps is not uploaded; its paper form is for counter or postal submission.
  const filledDeclaration = (procedureCase?.documents ?? []).find((d) => declarationDocument(code, d.name) === 'filled');
  const slots: DocumentSlot[] = onlineSlots(code, procedureCase?.documents ?? []);

  const failure = data.procedure.error ?? data.profile.error ?? data.draft.error;
  if (failure) return <LoadFailure error={failure} />;
  if (!values || !data.procedure.data) return <Spinner label={t('submit.loading')} />;
  if (done) return <SubmissionDone result={done} slots={slots} choices={choices} />;

  const current = steps[step]!;
  const set = (id: string, value: unknown) => setValues((v) => ({ ...v, [id]: value }));
  const toErrors = (problems: DeclarationProblem[]): FormErrors => {
    const fields: Record<string, string> = {};
    for (const p of problems) fields[p.field] ??= declarationMessage(p.problem, i18n.language);
    const labelOf = (field: string) =>
      field.startsWith('documents.')
        ? (slots.find((s) => s.code === field.slice(10))?.name ?? field)
        : field.startsWith('place.') || field.startsWith('delivery.')
          ? t(field === 'place.agencyId' ? 'place.centre' : field === 'delivery.address' ? 'place.address' : 'place.delivery')
          : t(`form.${field}` as 'form.child.fullName');
    return {
      fields,
      summary: Object.entries(fields).map(([field, message]) => ({
        fieldId: field.startsWith('documents.') ? slotId(field.slice(10)) : fieldDomId(field),
        message: `${labelOf(field)}: ${message}`,
      })),
    };
  };

  function problemsOf(stepId: string): DeclarationProblem[] {
    const today = legalToday();
    if (stepId === 'applicant') return checkApplicant(values!, today);
    if (stepId === 'documents') {
      return slots
        .filter((s) => s.requirement === 'mandatory' && !choices[s.code]?.file && !choices[s.code]?.reuseId)
        .map((s) => ({ field: `documents.${s.code}`, problem: 'required' as const }));
    }
    if (stepId === 'place') return checkSubmission(code, values!, today).filter((p) => p.field.startsWith('place.') || p.field.startsWith('delivery.'));
    if (stepId === 'review') return [...checkSubmission(code, values!, today), ...problemsOf('documents')];
    return checkSection(form, stepId, values!, today);
  }

  async function saveDraft(): Promise<{ id: string; rowVersion: number }> {
    const content = { step, values: values! };
    const draft = saved
      ? await api.put(`/portal/drafts/${saved.id}`, { content, rowVersion: saved.rowVersion }, draftSchema)
      : await api.post('/portal/drafts', { procedureCode: code, caseCode, content }, draftSchema);
    const next = { id: draft.id, rowVersion: draft.rowVersion };
    setSaved(next);
    if (!draftId) setParams({ draft: draft.id }, { replace: true });
    void queryClient.invalidateQueries({ queryKey: queryKeys.drafts });
    return next;
  }

  function showFailure(error: unknown) {
    if (isApiError(error) && error.code === 'STALE_VERSION') {
      setErrors({ fields: {}, summary: [{ message: t('submit.stale') }] });
      return;
    }
    const fields: Record<string, string> = {};
    const summary: { fieldId?: string; message: string }[] = [{ message: errorText(error) }];
    if (isApiError(error)) {
      for (const [path, message] of Object.entries(error.fieldErrors)) {
        const field = path.replace(/^values\./, '');
        fields[field] = message;
        summary.push({ fieldId: fieldDomId(field), message });
      }
    }
    setErrors({ fields, summary });
  }

  async function onSave() {
    setBusy('save');
    try {
      await saveDraft();
      setErrors(noFormErrors);
      toast.show(t('submit.saved', { time: new Intl.DateTimeFormat('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()) }), 'success');
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(null);
    }
  }

  async function onSubmit() {
    setBusy('submit');
    try {
      const draft = await saveDraft();
      const result = await api.post(`/portal/drafts/${draft.id}/submission`, { rowVersion: draft.rowVersion }, submissionResponse);
      void queryClient.invalidateQueries({ queryKey: queryKeys.dossiers });
      setDone(result);
    } catch (error) {
      showFailure(error);
    } finally {
      setBusy(null);
    }
  }

  function next(event: FormEvent) {
    event.preventDefault();
    const problems = problemsOf(current);
    if (problems.length > 0) {
      setErrors(toErrors(problems));
      return;
    }
    setErrors(noFormErrors);
    if (current === 'review') {
      void onSubmit();
      return;
    }
    setStep(step + 1);
  }

  const section = form.sections.find((s) => s.id === current);
  return (
    <div className="page page--narrow wizard">
      <p className="wizard__procedure">{data.procedure.data.content.name}{procedureCase ? ` — ${procedureCase.name}` : ''}</p>
      <h1>{t(`submit.steps.${current}` as 'submit.steps.applicant')}</h1>
      <p className="wizard__progress">{t('submit.progress', { step: step + 1, total: steps.length })}</p>
      <Progress label={t('submit.progressLabel')} value={step + 1} max={steps.length} />
      <FormErrorSummary errors={errors.summary} />
      <form noValidate onSubmit={next} className="form">
        {current === 'applicant' && <ApplicantStep values={values} errors={errors.fields} organisations={data.organisations.data?.items ?? []} onChange={set} />}
        {section?.fields.map((f) => <DeclarationField key={f.id} field={f} value={values[f.id]} error={errors.fields[f.id]} onChange={(v) => set(f.id, v)} />)}
        {current === 'documents' && filledDeclaration && <p className="notice notice--info">{t('documents.declarationFilled', { name: filledDeclaration.name })}</p>}
        {current === 'documents' && (
          <DocumentSlots
            slots={slots}
            choices={choices}
            reusable={(data.reusable.data?.items ?? []).filter((r) => r.purpose !== 'supplement')}
            maxFileBytes={data.limits.data?.maxFileBytes ?? null}
            errors={errors.fields}
            onChange={(slot, choice) => setChoices((c) => ({ ...c, [slot]: choice }))}
          />
        )}
        {current === 'place' && <PlaceStep values={values} errors={errors.fields} centres={data.centres.data?.agencies ?? []} onChange={set} />}
        {current === 'review' && <ReviewStep form={form} values={values} organisations={data.organisations.data?.items ?? []} slots={slots} choices={choices} centres={data.centres.data?.agencies ?? []} onEdit={(i) => setStep(i)} steps={steps} />}
        <div className="btn-row wizard__actions">
          {step > 0 && (
            <Button type="button" variant="secondary" onClick={() => { setErrors(noFormErrors); setStep(step - 1); }}>
              {t('submit.back')}
            </Button>
          )}
          <Button type="submit" busy={busy === 'submit'}>
            {current === 'review' ? t('submit.submit') : t('submit.next')}
          </Button>
          <Button type="button" variant="link" busy={busy === 'save'} onClick={() => void onSave()}>
            {t('submit.saveDraft')}
          </Button>
        </div>
        <p className="field__hint">{t('submit.draftHint')}</p>
      </form>
      <p>
        <Link to="/my/drafts">{t('submit.allDrafts')}</Link>
      </p>
    </div>
  );
}

function LoadFailure({ error }: { error: unknown }) {
  const { t } = useTranslation('citizen');
  const errorText = useErrorText();
  return (
    <div className="page page--narrow">
      <h1>{t('submit.loadFailed')}</h1>
      <p className="notice notice--danger">{errorText(error)}</p>
      <p>
        <Link to="/procedures">{t('submit.findAgain')}</Link>
      </p>
    </div>
  );
}
