/**
 * The step editor of an internal workflow: each step's name, acting role, responsible unit and time budget, in
 * order; the running total against the case's legal limit is shown as the steps change. Saving asks the server,
 * which refuses a workflow over the limit and says by how much. Parallel consultation steps are shown, not edited.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draftResponse } from '@motcua/contracts/catalog-admin';
import { apiRequest, isApiError, useErrorText, type Infer } from '../api';
import { useCatalogText } from '../catalog/catalog-text';
import { Button, useToast } from '../ui';

type Draft = Infer<typeof draftResponse>;
type Workflow = Draft['content']['cases'][number]['workflows'][number];
type Step = Workflow['steps'][number];
type Role = Extract<Step, { kind: 'task' }>['role'];

const roles: readonly Role[] = ['reception_officer', 'specialist', 'department_head', 'agency_leader', 'desk_supervisor'];

export function stepHours(step: Step): number {
  if (step.kind === 'task') return step.budgetHours;
  return Math.max(0, ...step.branches.map((b) => b.steps.reduce((sum, s) => sum + s.budgetHours, 0)));
}

function newStepId(steps: readonly Step[]): string {
  for (let n = steps.length + 1; ; n++) if (!steps.some((s) => s.id === `buoc-${n}`)) return `buoc-${n}`;
}

export function WorkflowEditor(props: {
  draft: Draft;
  caseId: string;
  workflow: Workflow;
  limitHours: number | null;
  editable: boolean;
  onSaved: (draft: Draft) => void;
}) {
  const { draft, caseId, workflow, limitHours, editable, onSaved } = props;
  const { t, i18n } = useTranslation(['catalog', 'common']);
  const text = useCatalogText();
  const toast = useToast();
  const errorText = useErrorText();
  const [steps, setSteps] = useState<Step[]>(() => [...workflow.steps]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const total = Math.round(steps.reduce((sum, s) => sum + stepHours(s), 0) * 100) / 100;
  const over = limitHours !== null && total > limitHours;

  const update = (index: number, change: Partial<Extract<Step, { kind: 'task' }>>) =>
    setSteps((list) => list.map((s, i) => (i === index && s.kind === 'task' ? { ...s, ...change } : s)));
  const move = (index: number, by: number) =>
    setSteps((list) => {
      const next = [...list];
      const [step] = next.splice(index, 1);
      next.splice(index + by, 0, step!);
      return next;
    });
  const add = () =>
    setSteps((list) => [
      ...list,
      {
        kind: 'task',
        id: newStepId(list),
        name: t('office.editor.newStep'),
        role: 'specialist',
        budgetHours: 1,
        responsibleUnit: { relation: 'competent_agency', label: draft.content.competentAgency.name },
      },
    ]);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const { id: _id, ...rest } = workflow;
      const saved = await apiRequest('PUT', `/admin/procedure-drafts/${draft.id}/cases/${caseId}/workflows/${workflow.id}`, {
        body: { rowVersion: draft.rowVersion, workflow: { ...rest, steps } },
        schema: draftResponse,
      });
      toast.show(t('office.editor.saved'), 'success');
      onSaved(saved);
    } catch (e) {
      const detail = isApiError(e)
        ? i18n.language === 'vi' && typeof e.details.messageVi === 'string'
          ? e.details.messageVi
          : (e.problem?.detail ?? '')
        : '';
      setError([errorText(e), detail].filter(Boolean).join(': '));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="workflow-editor">
      <table>
        <caption>{t('office.editor.caption', { name: workflow.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('office.editor.step')}</th>
            <th scope="col">{t('office.editor.name')}</th>
            <th scope="col">{t('office.editor.role')}</th>
            <th scope="col">{t('office.editor.unit')}</th>
            <th scope="col">{t('office.editor.hours')}</th>
            {editable && <th scope="col">{t('office.editor.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {steps.map((step, index) => (
            <tr key={step.id}>
              <td>{index + 1}</td>
              {step.kind === 'parallel' ? (
                <td colSpan={editable ? 5 : 4}>
                  {step.name} — {t('office.editor.parallel', { hours: text.hours(stepHours(step)) })}{' '}
                  {step.branches.map((b) => b.name).join(' ‖ ')}
                </td>
              ) : editable ? (
                <>
                  <td>
                    <input className="input" aria-label={`${t('office.editor.name')} ${index + 1}`} value={step.name} onChange={(e) => update(index, { name: e.target.value })} />
                  </td>
                  <td>
                    <select className="input" aria-label={`${t('office.editor.role')} ${index + 1}`} value={step.role} onChange={(e) => update(index, { role: e.target.value as Role })}>
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {t(`roles.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      className="input"
                      aria-label={`${t('office.editor.unit')} ${index + 1}`}
                      value={step.responsibleUnit.label}
                      onChange={(e) => update(index, { responsibleUnit: { ...step.responsibleUnit, label: e.target.value } })}
                    />
                  </td>
                  <td>
                    <input
                      className="input"
                      type="number"
                      min={0.25}
                      step={0.25}
                      aria-label={`${t('office.editor.hours')} ${index + 1}`}
                      value={step.budgetHours}
                      onChange={(e) => update(index, { budgetHours: Number(e.target.value) })}
                    />
                  </td>
                </>
              ) : (
                <>
                  <td>{step.name}</td>
                  <td>{t(`roles.${step.role}`)}</td>
                  <td>{step.responsibleUnit.label}</td>
                  <td>{text.hours(step.budgetHours)}</td>
                </>
              )}
              {editable && step.kind === 'task' && (
                <td>
                  <div className="workflow-editor__row-actions">
                    <Button variant="secondary" disabled={index === 0} aria-label={t('office.editor.moveUp', { name: step.name })} onClick={() => move(index, -1)}>
                      ↑
                    </Button>
                    <Button variant="secondary" disabled={index === steps.length - 1} aria-label={t('office.editor.moveDown', { name: step.name })} onClick={() => move(index, 1)}>
                      ↓
                    </Button>
                    <Button variant="danger" aria-label={t('office.editor.remove', { name: step.name })} onClick={() => setSteps((l) => l.filter((_, i) => i !== index))}>
                      ×
                    </Button>
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className={over ? 'workflow-editor__total workflow-editor__total--over' : 'workflow-editor__total'} role="status">
        {t('office.editor.total', { total: text.hours(total), limit: limitHours === null ? '—' : text.hours(limitHours) })}
        {limitHours !== null &&
          ` — ${over ? t('office.editor.over', { hours: text.hours(Math.round((total - limitHours) * 100) / 100) }) : t('office.editor.remaining', { hours: text.hours(Math.round((limitHours - total) * 100) / 100) })}`}
      </p>
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
      {editable && (
        <div className="btn-row">
          <Button variant="secondary" onClick={add}>
            {t('office.editor.addStep')}
          </Button>
          <Button busy={saving} onClick={() => void save()}>
            {t('office.editor.save')}
          </Button>
        </div>
      )}
    </div>
  );
}
