/**
 * The reception desk (/office/reception): find the procedure, pick the case, enter the parties, tick the documents
 * received with their counts, attach scans, choose the return channel; then receive (dossier code, appointment,
 * receipt Form 01), guide to complete the dossier (Form 02) or refuse (Form 03). The appointment and how the legal
 * clock computed it are shown before the officer confirms. Keyboard: see the shortcuts listed on the page.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkFields, formErrorsFrom, noFormErrors, useErrorText, type FormErrors } from '../../api';
import { useSession } from '../../auth/session';
import { usePageTitle } from '../../shell/page-title';
import { Button, EmptyState, FormErrorSummary, Select, Spinner, TextField } from '../../ui';
import { desksOf, newIdempotencyKey, useAgencies, useCreateDossier, useProcedureDetail, type Dossier, type NewDossierRequest } from '../desk/desk-queries';
import '../desk/desk.css';
import { fromVietnamInput } from '../leader/office-time';
import { ProcedurePicker, type PickedProcedure } from './procedure-picker';
import { ReceptionConfirm, ReceptionConclude, type ConcludeKind } from './reception-dialogs';
import { ReceptionDone } from './reception-done';
import { emptyPostalReception, postalBody, postalFieldIds, ReceptionChannelFields, type PostalReception, type ReceptionChannel } from './postal-reception';
import { DocumentChecklist, documentLines, emptyParty, linesOfChannel, PartyFields, ReturnChannel, ScanDropZone, type DocumentLine, type PartyInput, type ReturnMethod } from './reception-parts';

const fieldIds: Record<string, string> = {
  procedure: 'reception-search',
  summary: 'reception-summary',
  'applicant.fullName': 'applicant-fullName',
  'applicant.phone': 'applicant-phone',
  'applicant.email': 'applicant-email',
  'owner.fullName': 'owner-fullName',
  'authorised.fullName': 'authorised-fullName',
  'authorised.authorisationDocument': 'authorised-authorisationDocument',
  deliveryAddress: 'reception-delivery-address',
  'postal.deliveryAddress': 'reception-delivery-address',
  ...postalFieldIds,
};

/** The catalogue allows longer document names than the dossier keeps (500): clip, marked with an ellipsis. */
const clip = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);
const orNull = (value: string) => (value.trim() ? value.trim() : null);

function party(role: 'applicant' | 'owner' | 'authorised', p: PartyInput): NewDossierRequest['parties'][number] {
  return {
    role,
    kind: 'person',
    fullName: p.fullName.trim(),
    identityNumber: orNull(p.identityNumber),
    address: orNull(p.address),
    phone: orNull(p.phone),
    email: orNull(p.email),
    authorisationDocument: orNull(p.authorisationDocument),
  };
}

export default function ReceptionPage() {
  const { t } = useTranslation(['desk', 'common']);
  usePageTitle(t('reception.title'), 'officeName');
  const { user } = useSession();
  const agencies = useAgencies();
  const errorText = useErrorText();
  const desks = useMemo(() => (user && agencies.data ? desksOf(user, agencies.data.agencies) : []), [user, agencies.data]);
  const [deskId, setDeskId] = useState<string | null>(null);
  const desk = desks.find((d) => d.id === deskId) ?? desks[0] ?? null;
  const [done, setDone] = useState<{ dossier: Dossier; files: File[] } | null>(null);
  const [round, setRound] = useState(0);

  if (agencies.isPending) return <Spinner label={t('reception.loading')} />;
  if (agencies.error) return <p role="alert">{errorText(agencies.error)}</p>;

  return (
    <div className="page reception">
      <h1>{t('reception.title')}</h1>
      {desks.length === 0 ? (
        <EmptyState title={t('reception.noDesk')}>{t('reception.noDeskBody')}</EmptyState>
      ) : done ? (
        <ReceptionDone
          dossier={done.dossier}
          files={done.files}
          onNext={() => {
            setDone(null);
            setRound((r) => r + 1);
          }}
        />
      ) : (
        <>
          {desks.length > 1 && (
            <Select
              label={t('reception.desk')}
              value={desk?.id ?? ''}
              options={desks.map((d) => ({ value: d.id, label: d.name }))}
              onChange={(e) => setDeskId(e.target.value)}
            />
          )}
          {desks.length === 1 && desk && <p className="lead">{t('reception.atDesk', { name: desk.name })}</p>}
          {desk && <ReceptionForm key={`${desk.id}-${round}`} deskId={desk.id} deskCode={desk.code} onDone={setDone} />}
          <Shortcuts />
        </>
      )}
    </div>
  );
}

function Shortcuts() {
  const { t } = useTranslation('desk');
  return (
    <section className="reception__shortcuts" aria-labelledby="reception-shortcuts">
      <h2 id="reception-shortcuts">{t('reception.shortcuts.title')}</h2>
      <ul>
        <li>
          <kbd>/</kbd> {t('reception.shortcuts.search')}
        </li>
        <li>
          <kbd>Enter</kbd> {t('reception.shortcuts.pickFirst')}
        </li>
        <li>
          <kbd>Tab</kbd> {t('reception.shortcuts.tab')}
        </li>
        <li>
          <kbd>Enter</kbd> {t('reception.shortcuts.receive')}
        </li>
        <li>
          <kbd>Esc</kbd> {t('reception.shortcuts.cancel')}
        </li>
      </ul>
    </section>
  );
}

function ReceptionForm({ deskId, deskCode, onDone }: { deskId: string; deskCode: string; onDone: (d: { dossier: Dossier; files: File[] }) => void }) {
  const { t } = useTranslation('desk');
  const errorText = useErrorText();
  const [picked, setPicked] = useState<PickedProcedure | null>(null);
  const detail = useProcedureDetail(picked?.code ?? null);
  const [caseId, setCaseId] = useState<string | null>(null);
  const cases = detail.data?.content.cases ?? [];
  const item = cases.find((c) => c.id === caseId) ?? (cases.length === 1 ? cases[0] : undefined);
  const [lines, setLines] = useState<DocumentLine[]>([]);
  const [applicant, setApplicant] = useState<PartyInput>(emptyParty);
  const [hasOwner, setHasOwner] = useState(false);
  const [owner, setOwner] = useState<PartyInput>(emptyParty);
  const [hasAuthorised, setHasAuthorised] = useState(false);
  const [authorised, setAuthorised] = useState<PartyInput>(emptyParty);
  const [summary, setSummary] = useState('');
  const [setCount, setSetCount] = useState(1);
  const [files, setFiles] = useState<File[]>([]);
  const [returnMethod, setReturnMethod] = useState<ReturnMethod>('counter');
  const [deliveryAddress, setDeliveryAddress] = useState('');
  const [channel, setChannel] = useState<ReceptionChannel>('counter');
  const [postal, setPostal] = useState<PostalReception>(emptyPostalReception);
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const [dialog, setDialog] = useState<'confirm' | ConcludeKind | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const create = useCreateDossier();

  // The checklist and the summary follow the case picked.
  useEffect(() => {
    setLines(item ? documentLines(item) : []);
  }, [item]);
  useEffect(() => {
    if (picked) setSummary((s) => s || picked.name);
  }, [picked]);

  // "/" anywhere outside a field focuses the procedure search.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      document.getElementById('reception-search')?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // only the documents asked on the channel the dossier came by (the online e-form is no paper missing at the counter)
  const missingMandatory = linesOfChannel(lines, channel).filter((l) => l.isMandatory && !l.received).map((l) => clip(l.name, 500));
  // The time limit of the channel the dossier came by (a case may give the post another limit).
  const time = item?.processingTimes.find((p) => p.channels.includes(channel)) ?? item?.processingTimes[0] ?? null;

  const validate = (): FormErrors | null =>
    checkFields([
      ['procedure', fieldIds.procedure!, !item && t('reception.errors.procedure')],
      ['applicant.fullName', fieldIds['applicant.fullName']!, !applicant.fullName.trim() && t('reception.errors.fullName')],
      ['owner.fullName', fieldIds['owner.fullName']!, hasOwner && !owner.fullName.trim() && t('reception.errors.ownerName')],
      ['authorised.fullName', fieldIds['authorised.fullName']!, hasAuthorised && !authorised.fullName.trim() && t('reception.errors.authorisedName')],
      [
        'authorised.authorisationDocument',
        fieldIds['authorised.authorisationDocument']!,
        hasAuthorised && !authorised.authorisationDocument.trim() && t('reception.errors.authorisation'),
      ],
      ['summary', fieldIds.summary!, !summary.trim() && t('reception.errors.summary')],
      ['deliveryAddress', fieldIds.deliveryAddress!, returnMethod === 'postal' && !deliveryAddress.trim() && t('reception.errors.address')],
      [
        'postal.handoverMinutesSignedAt',
        fieldIds['postal.handoverMinutesSignedAt']!,
        channel === 'postal' && !fromVietnamInput(postal.signedAt) && t('reception.errors.signedAt'),
      ],
    ]);

  const body = (outcome: NewDossierRequest['outcome']): NewDossierRequest => ({
    procedureVersionId: detail.data!.versionId,
    caseCode: item!.id,
    receivingAgencyId: deskId,
    parties: [party('applicant', applicant), ...(hasOwner ? [party('owner', owner)] : []), ...(hasAuthorised ? [party('authorised', authorised)] : [])],
    documents: linesOfChannel(lines, channel)
      .filter((l) => l.received)
      .map((l) => ({ code: l.code, name: clip(l.name, 500), originals: l.originals, certifiedCopies: l.certifiedCopies, photocopies: l.photocopies })),
    setCount,
    summary: summary.trim(),
    returnMethod,
    channel,
    postal: postalBody(channel, postal, returnMethod === 'postal', deliveryAddress),
    outcome,
  });

  const open = (kind: 'confirm' | ConcludeKind) => {
    const failed = validate();
    setErrors(failed ?? noFormErrors);
    if (!failed) setDialog(kind);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    open('confirm');
  };

  const send = (outcome: NewDossierRequest['outcome']) =>
    create.mutate(
      { body: body(outcome), idempotencyKey },
      {
        onSuccess: (dossier) => {
          setDialog(null);
          onDone({ dossier, files });
        },
        onError: (error) => {
          setDialog(null);
          // A new attempt after a refusal is a new request.
          setIdempotencyKey(newIdempotencyKey());
          setErrors(formErrorsFrom(error, fieldIds, errorText));
        },
      },
    );

  return (
    <>
    <form className="reception__form" noValidate onSubmit={onSubmit} aria-label={t('reception.formLabel')}>
      <FormErrorSummary errors={errors.summary} />
      <ProcedurePicker deskCode={deskCode} picked={picked} onPick={(p) => (setPicked(p), setCaseId(null))} />
      {detail.isFetching && <Spinner label={t('reception.procedure.loading')} />}
      {detail.error && <p role="alert">{errorText(detail.error)}</p>}
      {cases.length > 1 && (
        <fieldset className="reception__section">
          <legend>{t('reception.case.legend')}</legend>
          <div className="reception__choices">
            {cases.map((c) => (
              <label key={c.id} className="reception__choice">
                <input type="radio" name="reception-case" value={c.id} checked={item?.id === c.id} onChange={() => setCaseId(c.id)} />
                <span>
                  {c.name}
                  {c.description && <span className="muted"> — {c.description}</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {item && (
        <>
          <PartyFields prefix="applicant" legend={t('reception.party.applicant')} value={applicant} onChange={setApplicant} errors={errors.fields} withContact />
          <div className="reception__toggles">
            <label className="reception__choice">
              <input type="checkbox" checked={hasOwner} onChange={(e) => setHasOwner(e.target.checked)} />
              <span>{t('reception.party.hasOwner')}</span>
            </label>
            <label className="reception__choice">
              <input type="checkbox" checked={hasAuthorised} onChange={(e) => setHasAuthorised(e.target.checked)} />
              <span>{t('reception.party.hasAuthorised')}</span>
            </label>
          </div>
          {hasOwner && <PartyFields prefix="owner" legend={t('reception.party.owner')} value={owner} onChange={setOwner} errors={errors.fields} withContact={false} />}
          {hasAuthorised && (
            <PartyFields
              prefix="authorised"
              legend={t('reception.party.authorised')}
              value={authorised}
              onChange={setAuthorised}
              errors={errors.fields}
              withContact={false}
              withAuthorisation
            />
          )}
          <TextField id="reception-summary" label={t('reception.summary')} required value={summary} error={errors.fields.summary} onChange={(e) => setSummary(e.target.value)} />
          <DocumentChecklist lines={lines} channel={channel} onChange={setLines} />
          <TextField
            label={t('reception.setCount')}
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            value={setCount}
            onChange={(e) => setSetCount(Math.max(1, Math.min(100, Number(e.target.value) || 1)))}
          />
          <ScanDropZone files={files} onChange={setFiles} />
          <ReceptionChannelFields channel={channel} postal={postal} onChannel={setChannel} onPostal={setPostal} errors={errors.fields} />
          <ReturnChannel method={returnMethod} address={deliveryAddress} onMethod={setReturnMethod} onAddress={setDeliveryAddress} error={errors.fields.deliveryAddress} />
        </>
      )}
      <div className="reception__actions">
        <Button type="submit" busy={create.isPending && dialog === 'confirm'}>
          {t('reception.receive')}
        </Button>
        <Button variant="secondary" onClick={() => open('guide')}>
          {t('reception.guide')}
        </Button>
        <Button variant="danger" onClick={() => open('refuse')}>
          {t('reception.refuse')}
        </Button>
      </div>
    </form>
      {dialog === 'confirm' && item && (
        <ReceptionConfirm
          procedureName={picked?.name ?? ''}
          applicantName={applicant.fullName}
          documentCount={lines.filter((l) => l.received).length}
          missing={missingMandatory}
          time={time}
          deskCode={deskCode}
          receivedAt={channel === 'postal' ? fromVietnamInput(postal.signedAt) : null}
          busy={create.isPending}
          onCancel={() => setDialog(null)}
          onConfirm={() => send({ kind: 'receive' })}
        />
      )}
      {(dialog === 'guide' || dialog === 'refuse') && (
        <ReceptionConclude
          kind={dialog}
          missing={missingMandatory}
          busy={create.isPending}
          onCancel={() => setDialog(null)}
          onConfirm={(outcome) => send(outcome)}
        />
      )}
    </>
  );
}
