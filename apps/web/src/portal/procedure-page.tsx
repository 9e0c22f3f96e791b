/**
 * One procedure as in effect today (/procedures/:code): how and where to submit, the time limit with the due date
 * a dossier received now would get (the legal clock's estimate component), fees, required documents with their forms, results, legal
 * basis, the internal workflow and any inter-agency group. What was inferred rather than verified says so.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { procedureDetailResponse } from '@motcua/contracts/catalog';
import { api, isApiError, useErrorText, type Infer } from '../api';
import { DueTimeEstimate } from '../calendar/due-time-estimate';
import { useCatalogText } from '../catalog/catalog-text';
import '../catalog/catalog.css';
import { usePageTitle } from '../shell/page-title';
import { EmptyState, Spinner } from '../ui';
import { OnlineSubmitLinks } from '../citizen/online-submit-links';

type Detail = Infer<typeof procedureDetailResponse>;
type Case = Detail['content']['cases'][number];
type Time = Case['processingTimes'][number];

/** The legal clock's estimate for a dossier received now (the calendar module's component), with the cut-off rule. */
function DueEstimate({ time }: { time: Time }) {
  const { t } = useTranslation('catalog');
  if (time.unit === 'months') {
    return (
      <section className="procedure-page__due" aria-labelledby="due-title">
        <h2 id="due-title">{t('detail.dueTitle')}</h2>
        <p>{t('detail.dueMonths')}</p>
      </section>
    );
  }
  return (
    <div className="procedure-page__due">
      <DueTimeEstimate amount={time.amount} unit={time.unit} />
      {time.sameDayCutoff && <p>{t('detail.cutoff', { time: time.sameDayCutoff })}</p>}
    </div>
  );
}

function CaseSection({ item, showName }: { item: Case; showName: boolean }) {
  const { t } = useTranslation('catalog');
  const text = useCatalogText();
  return (
    <section aria-label={showName ? t('detail.caseTitle', { name: item.name }) : t('detail.timeTitle')}>
      {showName && <h2>{t('detail.caseTitle', { name: item.name })}</h2>}
      {item.description && <p>{item.description}</p>}
      <h3>{t('detail.timeTitle')}</h3>
      <ul>
        {item.processingTimes.map((p, i) => (
          <li key={i}>
            {t('detail.timeRow', { time: text.time(p), channels: text.channels(p.channels) })}
            {p.isInferred && ` ${t('detail.inferred')}`}
            {p.sameDayCutoff && <> — {t('detail.cutoff', { time: p.sameDayCutoff })}</>}
          </li>
        ))}
      </ul>
      <h3>{t('detail.feesTitle')}</h3>
      {item.fees.length === 0 ? (
        <p>{t('detail.noFees')}</p>
      ) : (
        <ul>
          {item.fees.map((fee, i) => (
            <li key={i}>
              <strong>{t(`detail.feeKinds.${fee.kind}`)}</strong>: {fee.name}
              {fee.amountVnd !== null && <> — {text.money(fee.amountVnd)}{fee.per ?? ''}</>}
              {fee.rule && <div className="muted">{fee.rule}</div>}
              {fee.exemptions.length > 0 && (
                <div>
                  {t('detail.exemptions')}: {fee.exemptions.join('; ')}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('detail.documentsTitle')}</h3>
      <table className="document-table">
        <thead>
          <tr>
            <th scope="col">{t('detail.documentColumns.name')}</th>
            <th scope="col" className="number">{t('detail.documentColumns.originals')}</th>
            <th scope="col" className="number">{t('detail.documentColumns.copies')}</th>
          </tr>
        </thead>
        <tbody>
          {item.documents.map((d, i) => (
            <tr key={i}>
              <td>
                {d.name}
                {d.requirement === 'conditional' && d.condition && <div className="muted">{t('detail.condition', { condition: d.condition })}</div>}
                {d.requirement === 'optional' && <div className="muted">{t('detail.optional')}</div>}
                {d.isPresentOnly && <div className="muted">{t('detail.presentOnly')}</div>}
                {d.channels && <ChannelsNote channels={d.channels} />}
                {d.formTemplates.length > 0 && (
                  <div>
                    {t('detail.forms')}:{' '}
                    {d.formTemplates.map((f, j) => (
                      <span key={j}>
                        {j > 0 && '; '}
                        {f.url ? <a href={f.url}>{f.name}</a> : f.name}
                      </span>
                    ))}
                  </div>
                )}
              </td>
              <td className="number">{d.originals}</td>
              <td className="number">
                {d.certifiedCopies + d.photocopies + d.copies}
                {d.certifiedCopies > 0 && <div className="muted">{t('detail.certified', { count: d.certifiedCopies })}</div>}
                {d.photocopies > 0 && <div className="muted">{t('detail.photocopies', { count: d.photocopies })}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Workflows({ detail }: { detail: Detail }) {
  const { t } = useTranslation('catalog');
  const text = useCatalogText();
  if (detail.workflows.length === 0) return null;
  return (
    <section aria-labelledby="workflow-title">
      <h2 id="workflow-title">{t('detail.workflowTitle')}</h2>
      <p>{t('detail.workflowBody')}</p>
      {detail.workflows.map((w) => (
        <div key={`${w.caseId}-${w.workflowId}`}>
          <h3>{w.name}</h3>
          <ol className="workflow-steps">
            {w.steps.map((s, i) => (
              <li key={i}>
                {s.branches ? (
                  <>
                    {s.name} ({text.hours(s.budgetHours)}) — {t('detail.parallel')}{' '}
                    {s.branches.map((b) => `${b.name}: ${b.steps.map((x) => `${x.name} (${text.hours(x.budgetHours)})`).join(', ')}`).join('; ')}
                  </>
                ) : (
                  <>
                    {s.name} — {s.role && t(`roles.${s.role}`)}, {s.unit} ({text.hours(s.budgetHours)})
                  </>
                )}
              </li>
            ))}
          </ol>
          {w.limitHours !== null && <p>{t('detail.workflowTotal', { total: text.hours(w.totalHours), limit: text.hours(w.limitHours) })}</p>}
        </div>
      ))}
    </section>
  );
}

export default function ProcedurePage() {
  const { code = '' } = useParams();
  const { t } = useTranslation(['catalog', 'common']);
  const text = useCatalogText();
  const errorText = useErrorText();
  const detail = useQuery({ queryKey: ['procedure', code], queryFn: () => api.get(`/procedures/${encodeURIComponent(code)}`, procedureDetailResponse) });
  usePageTitle(detail.data?.content.name ?? (detail.isError ? t('detail.notFound') : t('detail.loading')));

  if (detail.isPending) return <Spinner label={t('detail.loading')} />;
  if (detail.isError) {
    const missing = isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400);
    return (
      <div>
        <h1>{missing ? t('detail.notFound') : errorText(detail.error)}</h1>
        {missing && <EmptyState title={t('detail.notFoundBody')} action={<Link to="/procedures">{t('detail.back')}</Link>} />}
      </div>
    );
  }
  const d = detail.data;
  const c = d.content;
  const firstTime = c.cases[0]?.processingTimes.find((p) => p.channels.includes('counter')) ?? c.cases[0]?.processingTimes[0];
  return (
    <article className="procedure-page">
      <p>
        <Link to="/procedures">{t('detail.back')}</Link>
      </p>
      <h1>{c.name}</h1>
      <p className="procedure-page__meta">
        {t('detail.meta', { code: d.code, field: c.field.name, version: d.versionNo, from: text.date(d.effectiveFrom) })}
      </p>
      {(!c.isVerified || c.inferredFields.length > 0) && (
        <div className="procedure-page__notice">
          <p>
            <strong>{t('detail.unverifiedTitle')}</strong>. {t('detail.unverifiedBody')}
          </p>
          {c.inferredFields.length > 0 && (
            <details>
              <summary>{t('detail.inferredTitle')}</summary>
              <ul>
                {c.inferredFields.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </details>
          )}
          {c.source?.url && (
            <p>
              {t('detail.source')}: <a href={c.source.url}>{c.source.url}</a>
            </p>
          )}
        </div>
      )}

      {firstTime && <DueEstimate time={firstTime} />}

      <section aria-labelledby="how-title">
        <h2 id="how-title">{t('detail.howTitle')}</h2>
        <ul>
          {d.channels.map((ch) => (
            <li key={ch}>{t(`channels.${ch}`)}</li>
          ))}
        </ul>
        <p>{t(`onlineLevels.${c.onlineLevel ?? 'unknown'}`)}</p>
        {d.channels.includes('online') && <OnlineSubmitLinks code={d.code} cases={c.cases} />}
        {c.postal && <p>{c.postal.submit ? t('detail.postalYes') : t('detail.postalNo')}</p>}
        {c.requiresPersonalPresence && <p>{t('detail.presence')}</p>}
      </section>

      <section aria-labelledby="where-title">
        <h2 id="where-title">{t('detail.whereTitle')}</h2>
        <dl>
          <dt>{t('detail.receivingDesks')}</dt>
          <dd>{c.receivingDesks.map((r) => r.name).join('; ') || '—'}</dd>
          <dt>{t('detail.competentAgency')}</dt>
          <dd>{c.competentAgency.name}</dd>
          {c.subjects && (
            <>
              <dt>{t('detail.subjects')}</dt>
              <dd>{c.subjects}</dd>
            </>
          )}
        </dl>
      </section>

      {c.steps.length > 0 && (
        <section aria-labelledby="steps-title">
          <h2 id="steps-title">{t('detail.stepsTitle')}</h2>
          <ol>
            {c.steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        </section>
      )}

      {c.cases.map((item) => (
        <CaseSection key={item.id} item={item} showName={c.cases.length > 1} />
      ))}
      {c.documentNotes.length > 0 && (
        <section aria-labelledby="notes-title">
          <h2 id="notes-title">{t('detail.documentNotes')}</h2>
          <ul>
            {c.documentNotes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
      )}
      {c.conditions && (
        <section aria-labelledby="conditions-title">
          <h2 id="conditions-title">{t('detail.conditionsTitle')}</h2>
          <p>{c.conditions}</p>
        </section>
      )}
      <section aria-labelledby="results-title">
        <h2 id="results-title">{t('detail.resultsTitle')}</h2>
        <ul>
          {c.results.map((r, i) => (
            <li key={i}>{r.name}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="legal-title">
        <h2 id="legal-title">{t('detail.legalTitle')}</h2>
        <ul>
          {c.legalBasis.map((l, i) => (
            <li key={i}>
              {l.number} — {l.title}
              {l.date && ` (${text.date(l.date)})`}
            </li>
          ))}
        </ul>
        {c.publicationDecision && <p>{t('detail.publication', { number: c.publicationDecision.number })}</p>}
      </section>
      <Workflows detail={d} />
      {d.interAgencyGroups.length > 0 && (
        <section aria-labelledby="groups-title">
          <h2 id="groups-title">{t('detail.groupsTitle')}</h2>
          {d.interAgencyGroups.map((g) => (
            <div key={g.id}>
              <h3>{g.name}</h3>
              <ol>
                {[...g.participants]
                  .sort((a, b) => a.order - b.order)
                  .map((p) => (
                    <li key={p.order}>
                      {p.agency.name}
                      {p.role === 'lead' && ` (${t('detail.groupLead')})`}: {p.task} — {text.time(p.subDeadline)}
                    </li>
                  ))}
              </ol>
            </div>
          ))}
        </section>
      )}
    </article>
  );
}

/** "(nộp trực tiếp/bưu chính)", "(nộp trực tuyến)": a document asked on some submission channels only. */
function ChannelsNote({ channels }: { channels: readonly ('counter' | 'online' | 'postal')[] }) {
  const { t } = useTranslation('catalog');
  const key = [...channels].sort().join();
  const note =
    key === 'counter,postal' ? t('detail.channelsPaper') : key === 'online' ? t('detail.channelsOnline') : t('detail.channelsOnly', { channels: channels.map((c) => t(`channels.${c}`)).join(', ') });
  return <div className="muted">{note}</div>;
}
