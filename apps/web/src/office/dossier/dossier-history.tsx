/** The dossier's history (every event, who, when, the form issued) and its control sheet (every hand-over). */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api';
import { Spinner, StatusTag } from '../../ui';
import { useControlSheet, useDossierEvents } from '../desk/desk-queries';
import { useDeskText } from '../desk/desk-text';

export function Timeline({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation('desk');
  const errorText = useErrorText();
  const text = useDeskText();
  const events = useDossierEvents(dossierId);
  return (
    <section aria-labelledby="dossier-timeline" className="dossier__section">
      <h2 id="dossier-timeline">{t('dossierPage.timeline')}</h2>
      {events.isPending ? (
        <Spinner label={t('dossierPage.loading')} />
      ) : events.error ? (
        <p role="alert">{errorText(events.error)}</p>
      ) : (
        <ol className="timeline">
          {events.data.events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{text.instant(e.at)}</time> — <strong>{t(`events.${e.kind}` as 'events.receive', { defaultValue: e.kind })}</strong>
              {e.actorName && <> · {e.actorName}</>}
              {e.note && <div className="muted">{e.note}</div>}
              {e.form && (
                <div>
                  <Link to={`/office/dossiers/${dossierId}/forms/${e.form.kind}`}>
                    {t('dossierPage.formLink', { number: e.form.number ?? '—', title: e.form.title ?? e.form.kind })}
                  </Link>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function ControlSheetTable({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation('desk');
  const errorText = useErrorText();
  const text = useDeskText();
  const sheet = useControlSheet(dossierId);
  return (
    <section aria-labelledby="dossier-control-sheet" className="dossier__section">
      <h2 id="dossier-control-sheet">{t('dossierPage.controlSheet')}</h2>
      {sheet.isPending ? (
        <Spinner label={t('dossierPage.loading')} />
      ) : sheet.error ? (
        <p role="alert">{errorText(sheet.error)}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="dossier-control-sheet">
          <table className="document-table">
            <caption className="visually-hidden">
              {sheet.data.form.title} ({t('forms.number', { number: sheet.data.form.number ?? '—', set: sheet.data.form.set })})
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('controlSheet.kind')}</th>
                <th scope="col">{t('controlSheet.from')}</th>
                <th scope="col">{t('controlSheet.handedOverAt')}</th>
                <th scope="col">{t('controlSheet.dueAt')}</th>
                <th scope="col">{t('controlSheet.completedAt')}</th>
                <th scope="col">{t('controlSheet.timeliness')}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.data.rows.map((row) => (
                <tr key={row.seq}>
                  <th scope="row">
                    {t(`handovers.${row.kind}` as 'handovers.reception', { defaultValue: row.kind })}
                    {row.note && <div className="muted">{row.note}</div>}
                  </th>
                  <td>{row.fromName ?? '—'}</td>
                  <td>{text.instant(row.handedOverAt)}</td>
                  <td>{text.instant(row.dueAt)}</td>
                  <td>{text.instant(row.completedAt)}</td>
                  <td>
                    {row.timeliness ? (
                      <StatusTag tone={row.timeliness === 'late' ? 'danger' : 'success'}>{t(`timeliness.${row.timeliness}`)}</StatusTag>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
