/**
 * After the counter: the dossier code, the appointment, the ledger number and the form to print — the receipt
 * (Form 01) when received, the guidance (Form 02) or the refusal (Form 03) otherwise. Focus lands on the heading
 * so a screen reader reads the outcome; "Receive another dossier" starts a fresh form.
 */
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatVietnamTime } from '../../calendar/calendar-queries';
import { Button, buttonClass } from '../../ui';
import type { Dossier } from '../desk/desk-queries';

export function ReceptionDone({ dossier, onNext }: { dossier: Dossier; onNext: () => void }) {
  const { t, i18n } = useTranslation('desk');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const received = dossier.state === 'received';
  const formKind = received ? 'receipt' : dossier.state === 'guided' ? 'supplement_request' : 'refusal';
  const title = received ? t('reception.done.received') : dossier.state === 'guided' ? t('reception.done.guided') : t('reception.done.refused');
  const due = dossier.extendedDueAt ?? dossier.dueAt;
  return (
    <section className="reception__done" aria-labelledby="reception-done">
      <h2 id="reception-done" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <dl className="reception__review">
        {dossier.code && (
          <>
            <dt>{t('dossier.code')}</dt>
            <dd>
              <output className="dossier-code">{dossier.code}</output>
            </dd>
          </>
        )}
        <dt>{t('dossier.procedure')}</dt>
        <dd>{dossier.procedure.name}</dd>
        {received && (
          <>
            <dt>{t('dossier.receivedAt')}</dt>
            <dd>{dossier.receivedAt && formatVietnamTime(dossier.receivedAt, i18n.language)}</dd>
            <dt>{t('dossier.dueAt')}</dt>
            <dd>{due ? formatVietnamTime(due, i18n.language) : t('dossier.duePending')}</dd>
            {dossier.ledger && (
              <>
                <dt>{t('dossier.ledger')}</dt>
                <dd>{t('dossier.ledgerNumber', { number: dossier.ledger.number, year: dossier.ledger.year })}</dd>
              </>
            )}
          </>
        )}
      </dl>
      <p className="reception__actions">
        <Link className={buttonClass('primary')} to={`/office/dossiers/${dossier.id}/forms/${formKind}`}>
          {t(`forms.print.${formKind}`)}
        </Link>
        {received && (
          <Link className={buttonClass('secondary')} to={`/office/dossiers/${dossier.id}`}>
            {t('reception.done.open')}
          </Link>
        )}
        <Button variant="secondary" onClick={onNext}>
          {t('reception.done.next')}
        </Button>
      </p>
    </section>
  );
}
