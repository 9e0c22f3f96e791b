/**
 * A draft of a procedure (/office/catalog/drafts/:id): its cases with their time limits, the internal workflows
 * (step editor with the budget total against the legal limit), and the review actions — submit, return with a
 * note, publish with an effective date, discard. Every action carries the draft's row version.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { draftResponse, publishedVersionResponse } from '@motcua/contracts/catalog-admin';
import { api, apiRequest, isApiError, useErrorText, type Infer } from '../api';
import { useCatalogText } from '../catalog/catalog-text';
import '../catalog/catalog.css';
import { usePageTitle } from '../shell/page-title';
import { Button, Spinner, TextArea, TextField, useToast } from '../ui';
import { WorkflowEditor } from './workflow-editor';
import { CaseEditor, NewCaseForm } from './catalog-edit/case-editor';
import { GeneralEditor } from './catalog-edit/general-editor';
import { useIssueText } from './catalog-edit/issue-text';
import { saveErrorText } from './catalog-edit/save-error';

type Draft = Infer<typeof draftResponse>;
type Workflow = Draft['content']['cases'][number]['workflows'][number];

function standardWorkflow(draft: Draft): Omit<Workflow, 'id'> {
  const desk = { relation: 'receiving_desk' as const, label: 'Bộ phận Một cửa' };
  const office = { relation: 'competent_agency' as const, label: draft.content.competentAgency.name };
  const task = (id: string, name: string, role: 'reception_officer' | 'specialist' | 'department_head' | 'agency_leader', unit: typeof desk | typeof office) => ({
    kind: 'task' as const,
    id,
    name,
    role,
    budgetHours: 1,
    responsibleUnit: unit,
  });
  return {
    name: 'Quy trình nội bộ',
    agency: draft.content.competentAgency,
    channels: null,
    approvalDecision: null,
    steps: [
      task('tiep-nhan', 'Tiếp nhận hồ sơ', 'reception_officer', desk),
      task('tham-dinh', 'Thẩm định hồ sơ', 'specialist', office),
      task('xem-xet', 'Xem xét, trình ký', 'department_head', office),
      task('phe-duyet', 'Ký duyệt kết quả', 'agency_leader', office),
      task('tra-ket-qua', 'Trả kết quả', 'reception_officer', desk),
    ],
  };
}

function ReviewActions({ draft, onChanged }: { draft: Draft; onChanged: (d: Draft | null) => void }) {
  const { t } = useTranslation(['catalog', 'common']);
  const toast = useToast();
  const errorText = useErrorText();
  const issueText = useIssueText();
  const [note, setNote] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(() =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()),
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const act = async (name: string, run: () => Promise<void>) => {
    setBusy(name);
    setError(null);
    try {
      await run();
    } catch (e) {
      setError(saveErrorText(e, errorText(e), issueText));
    } finally {
      setBusy(null);
    }
  };
  const move = (transition: 'submit' | 'discard' | 'return', body: Record<string, unknown>, message: string) =>
    act(transition, async () => {
      const next = await api.post(`/admin/procedure-drafts/${draft.id}/${transition}`, { rowVersion: draft.rowVersion, ...body }, draftResponse);
      toast.show(message, 'success');
      onChanged(next);
    });

  return (
    <section className="catalog-actions" aria-label={t('office.draftsTitle')}>
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
      {draft.status === 'editing' && (
        <div>
          <Button busy={busy === 'submit'} onClick={() => void move('submit', {}, t('office.actions.submitted'))}>
            {t('office.actions.submit')}
          </Button>
        </div>
      )}
      {draft.status === 'in_review' && (
        <>
          <div>
            <TextField label={t('office.actions.effectiveFrom')} type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
            <Button
              busy={busy === 'publish'}
              onClick={() =>
                void act('publish', async () => {
                  const v = await api.post(
                    `/admin/procedure-drafts/${draft.id}/publish`,
                    { rowVersion: draft.rowVersion, effectiveFrom },
                    publishedVersionResponse,
                  );
                  toast.show(t('office.actions.published', { version: v.versionNo }), 'success');
                  onChanged(null);
                })
              }
            >
              {t('office.actions.publish')}
            </Button>
          </div>
          <div>
            <TextArea label={t('office.actions.returnNote')} value={note} onChange={(e) => setNote(e.target.value)} />
            <Button variant="secondary" busy={busy === 'return'} disabled={!note.trim()} onClick={() => void move('return', { note }, t('office.actions.returned'))}>
              {t('office.actions.return')}
            </Button>
          </div>
        </>
      )}
      {(draft.status === 'editing' || draft.status === 'in_review') && (
        <div>
          <Button variant="danger" busy={busy === 'discard'} onClick={() => void move('discard', {}, t('office.actions.discarded'))}>
            {t('office.actions.discard')}
          </Button>
        </div>
      )}
    </section>
  );
}

export default function CatalogDraftPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['catalog', 'common']);
  const text = useCatalogText();
  const errorText = useErrorText();
  const client = useQueryClient();
  const key = ['draft', id];
  const query = useQuery({ queryKey: key, queryFn: () => api.get(`/admin/procedure-drafts/${id}`, draftResponse) });
  usePageTitle(query.data ? t('office.draftTitle', { name: query.data.content.name }) : t('office.title'), 'officeName');
  const [adding, setAdding] = useState<string | null>(null);

  if (query.isPending) return <Spinner label={t('common:loading')} />;
  if (query.isError) return <p role="alert">{errorText(query.error)}</p>;
  const draft = query.data;
  const changed = (next: Draft | null) => {
    if (next) client.setQueryData(key, next);
    else void client.invalidateQueries({ queryKey: key });
    void client.invalidateQueries({ queryKey: ['drafts'] });
  };
  const editable = draft.status === 'editing';
  const addWorkflow = async (caseId: string) => {
    setAdding(caseId);
    try {
      changed(
        await apiRequest('PUT', `/admin/procedure-drafts/${draft.id}/cases/${caseId}/workflows/quy-trinh`, {
          body: { rowVersion: draft.rowVersion, workflow: standardWorkflow(draft) },
          schema: draftResponse,
        }),
      );
    } finally {
      setAdding(null);
    }
  };

  return (
    <div className="page">
      <p>
        <Link to="/office/catalog">{t('office.title')}</Link>
      </p>
      <h1>{t('office.draftTitle', { name: draft.content.name })}</h1>
      <p className="muted">{t('office.draftMeta', { code: draft.code, status: t(`office.status.${draft.status}`) })}</p>
      {draft.reviewNote && <p>{t('office.reviewNote', { note: draft.reviewNote })}</p>}
      <p>
        <Link to={`/office/catalog/procedures/${draft.code}`}>{t('office.historyLink')}</Link>
      </p>
      <GeneralEditor draft={draft} editable={editable} onSaved={changed} />
      <h2>{t('office.casesTitle')}</h2>
      {draft.content.cases.map((c) => (
        <section key={c.id} aria-labelledby={`case-${c.id}`}>
          <h3 id={`case-${c.id}`}>{c.name}</h3>
          <ul>
            {c.processingTimes.map((p, i) => (
              <li key={i}>{t('detail.timeRow', { time: text.time(p), channels: text.channels(p.channels) })}</li>
            ))}
          </ul>
          <CaseEditor key={c.id} draft={draft} item={c} editable={editable} onSaved={changed} />
          <h4>{t('office.workflowsTitle')}</h4>
          {c.workflows.length === 0 && (
            <>
              <p>{t('office.noWorkflow')}</p>
              {editable && (
                <Button variant="secondary" busy={adding === c.id} onClick={() => void addWorkflow(c.id)}>
                  {t('office.addWorkflow')}
                </Button>
              )}
            </>
          )}
          {c.workflows.map((w) => (
            <WorkflowEditor
              key={`${w.id}-${draft.rowVersion}`}
              draft={draft}
              caseId={c.id}
              workflow={w}
              limitHours={draft.budgets.find((b) => b.caseId === c.id && b.workflowId === w.id)?.limitHours ?? null}
              editable={editable}
              onSaved={changed}
            />
          ))}
        </section>
      ))}
      {editable && <NewCaseForm draft={draft} onSaved={changed} />}
      <ReviewActions draft={draft} onChanged={changed} />
    </div>
  );
}
