/**
 * A form the dossier's history recorded (receipt Form 01, guidance Form 02, refusal Form 03, …), printable from the
 * page: /office/dossiers/:id/forms/:kind shows the latest event carrying that form, from the data the engine
 * recorded on it. The signed PDF comes from the documents module when it is on main; until then this page is what
 * the desk prints (the browser's print, the workspace's frame hidden by the print style sheet).
 */
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api';
import { formatVietnamTime } from '../../calendar/calendar-queries';
import { usePageTitle } from '../../shell/page-title';
import { Button, EmptyState, Spinner } from '../../ui';
import { useDossierEvents } from '../desk/desk-queries';
import '../desk/desk.css';

type Data = Record<string, unknown>;
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const record = (value: unknown): Data | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : null);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export default function FormPrintPage() {
  const { id, kind } = useParams();
  const { t, i18n } = useTranslation('desk');
  const errorText = useErrorText();
  const events = useDossierEvents(id);
  const event = [...(events.data?.events ?? [])].reverse().find((e) => e.form?.kind === kind);
  const title = event?.form?.title ?? t('forms.untitled');
  usePageTitle(title, 'officeName');
  if (events.isPending) return <Spinner label={t('forms.loading')} />;
  if (events.error) return <p role="alert">{errorText(events.error)}</p>;
  if (!event || !event.form) {
    return (
      <div className="page">
        <h1>{t('forms.untitled')}</h1>
        <EmptyState title={t('forms.none')} />
      </div>
    );
  }
  const data = event.formData ?? {};
  const when = (value: unknown) => (text(value) ? formatVietnamTime(text(value)!, i18n.language) : null);
  const procedure = record(data.procedure);
  const parties = (['applicant', 'owner', 'authorised'] as const).map((role) => [role, record(data[role])] as const).filter(([, p]) => p);
  const documents = list(data.documents).map(record).filter((d): d is Data => d !== null);
  const items = list(data.items).map(text).filter((s): s is string => s !== null);
  const due = text(data.dueAt);
  return (
    <div className="page form-print">
      <p className="form-print__tools no-print">
        <Button onClick={() => window.print()}>{t('forms.printButton')}</Button> <Link to={`/office/dossiers/${id}`}>{t('forms.backToDossier')}</Link>
      </p>
      <p className="hint-text no-print">{t('forms.pdfPending')}</p>
      <article className="form-print__sheet" lang="vi">
        <p className="form-print__number">
          {t('forms.number', { number: event.form.number ?? '—', set: event.form.set })}
        </p>
        <h1>{title}</h1>
        <dl className="reception__review">
          {text(data.dossierCode) && (
            <>
              <dt>{t('dossier.code')}</dt>
              <dd className="dossier-code">{text(data.dossierCode)}</dd>
            </>
          )}
          {procedure && (
            <>
              <dt>{t('dossier.procedure')}</dt>
              <dd>
                {text(procedure.name)} ({text(procedure.code)})
              </dd>
            </>
          )}
          {parties.map(([role, p]) => (
            <div key={role}>
              <dt>{t(`parties.${role}`)}</dt>
              <dd>
                {text(p!.fullName)}
                {text(p!.identityNumber) && <>, {t('forms.identity', { number: text(p!.identityNumber) })}</>}
                {text(p!.address) && <>, {text(p!.address)}</>}
                {text(p!.phone) && <>, {t('forms.phone', { phone: text(p!.phone) })}</>}
              </dd>
            </div>
          ))}
          {text(data.summary) && (
            <>
              <dt>{t('reception.summary')}</dt>
              <dd>{text(data.summary)}</dd>
            </>
          )}
          {when(data.receivedAt) && (
            <>
              <dt>{t('dossier.receivedAt')}</dt>
              <dd>{when(data.receivedAt)}</dd>
            </>
          )}
          {kind === 'receipt' && (
            <>
              <dt>{t('dossier.dueAt')}</dt>
              <dd>{due ? when(due) : t('dossier.duePending')}</dd>
            </>
          )}
          {typeof data.setCount === 'number' && (
            <>
              <dt>{t('reception.setCount')}</dt>
              <dd>{data.setCount}</dd>
            </>
          )}
          {text(data.returnMethod) && (
            <>
              <dt>{t('reception.return.legend')}</dt>
              <dd>{t(`returnMethods.${text(data.returnMethod) as 'counter'}`)}</dd>
            </>
          )}
        </dl>
        {documents.length > 0 && (
          <table className="document-table">
            <caption>{t('reception.documents.legend')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('forms.documentName')}</th>
                <th scope="col">{t('reception.documents.originals')}</th>
                <th scope="col">{t('reception.documents.certifiedCopies')}</th>
                <th scope="col">{t('reception.documents.photocopies')}</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d, i) => (
                <tr key={i}>
                  <th scope="row">{text(d.name)}</th>
                  <td>{String(d.originals ?? 0)}</td>
                  <td>{String(d.certifiedCopies ?? 0)}</td>
                  <td>{String(d.photocopies ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {items.length > 0 && (
          <>
            <h2>{t('forms.items')}</h2>
            <ol>
              {items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ol>
          </>
        )}
        {text(data.reason ?? data.reasons) && (
          <>
            <h2>{t('forms.reason')}</h2>
            <p>{text(data.reason ?? data.reasons)}</p>
          </>
        )}
        <p className="form-print__issued">{t('forms.issuedAt', { at: formatVietnamTime(event.at, i18n.language), by: event.actorName ?? '' })}</p>
      </article>
    </div>
  );
}
