/**
 * Parts of the reception form: the required documents with their counts (from the catalogue's checklist), the
 * parties (applicant, owner, authorised person), the scans, the return channel.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, TextField } from '../../ui';
import { catalogueDocumentCode, documentAskedOn } from '@motcua/contracts/catalog-content';
import type { ProcedureCase } from '../desk/desk-queries';
import { DropArea } from '../desk/drop-area';
import type { ReceptionChannel } from './postal-reception';

export interface DocumentLine {
  code: string;
  name: string;
  isMandatory: boolean;
  received: boolean;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
  /** The submission channels the catalogue asks the document on; null = every channel. */
  channels: readonly string[] | null;
}

/** The catalogue's checklist as lines to tick; codes as the dossier engine numbers them (tp-1 … when absent). */
export function documentLines(item: ProcedureCase): DocumentLine[] {
  return item.documents.map((d, i) => ({
    code: catalogueDocumentCode(d, i),
    name: d.name,
    isMandatory: d.requirement === 'mandatory',
    received: false,
    originals: d.originals,
    certifiedCopies: d.certifiedCopies,
    photocopies: d.photocopies + d.copies,
    channels: d.channels ?? null,
  }));
}

/** The lines asked on the channel the dossier came by: a paper declaration at the counter and by post, not the online e-form. */
export const linesOfChannel = (lines: readonly DocumentLine[], channel: ReceptionChannel) => lines.filter((l) => documentAskedOn(l, channel));

const countKeys = ['originals', 'certifiedCopies', 'photocopies'] as const;

export function DocumentChecklist({ lines, channel, onChange }: { lines: readonly DocumentLine[]; channel: ReceptionChannel; onChange: (lines: DocumentLine[]) => void }) {
  const { t } = useTranslation('desk');
  const update = (code: string, patch: Partial<DocumentLine>) => onChange(lines.map((l) => (l.code === code ? { ...l, ...patch } : l)));
  const asked = linesOfChannel(lines, channel);
  const tickMandatory = () => onChange(lines.map((l) => (l.isMandatory && documentAskedOn(l, channel) ? { ...l, received: true } : l)));
  return (
    <fieldset className="reception__section">
      <legend>{t('reception.documents.legend')}</legend>
      {asked.length === 0 ? (
        <p>{t('reception.documents.none')}</p>
      ) : (
        <>
          <p>
            <Button variant="secondary" onClick={tickMandatory}>
              {t('reception.documents.tickMandatory')}
            </Button>
          </p>
          <ol className="reception__documents">
            {asked.map((line) => (
              <li key={line.code} className="reception__document">
                <Checkbox
                  label={
                    <>
                      {line.name}
                      {line.isMandatory && <strong> {t('reception.documents.mandatory')}</strong>}
                    </>
                  }
                  checked={line.received}
                  onChange={(e) => update(line.code, { received: e.target.checked })}
                />
                <div className="reception__counts">
                  {countKeys.map((key) => (
                    <TextField
                      key={key}
                      label={t(`reception.documents.${key}`)}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={100}
                      value={line[key]}
                      aria-describedby={undefined}
                      onChange={(e) => update(line.code, { [key]: Math.max(0, Math.min(100, Number(e.target.value) || 0)) })}
                      className="reception__count"
                    />
                  ))}
                </div>
              </li>
            ))}
          </ol>
          {asked.length < lines.length && <p className="muted">{t('reception.documents.otherChannel', { count: lines.length - asked.length })}</p>}
        </>
      )}
    </fieldset>
  );
}

export interface PartyInput {
  fullName: string;
  identityNumber: string;
  phone: string;
  email: string;
  address: string;
  authorisationDocument: string;
}

export const emptyParty: PartyInput = { fullName: '', identityNumber: '', phone: '', email: '', address: '', authorisationDocument: '' };

export function PartyFields({
  prefix,
  legend,
  value,
  onChange,
  errors,
  withContact,
  withAuthorisation,
}: {
  prefix: string;
  legend: string;
  value: PartyInput;
  onChange: (value: PartyInput) => void;
  errors: Readonly<Record<string, string>>;
  withContact: boolean;
  withAuthorisation?: boolean;
}) {
  const { t } = useTranslation('desk');
  const field = (key: keyof PartyInput) => ({
    id: `${prefix}-${key}`,
    value: value[key],
    error: errors[`${prefix}.${key}`],
    onChange: (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value }),
  });
  return (
    <fieldset className="reception__section reception__party">
      <legend>{legend}</legend>
      <TextField label={t('reception.party.fullName')} required autoComplete="off" {...field('fullName')} />
      <TextField label={t('reception.party.identityNumber')} autoComplete="off" inputMode="numeric" {...field('identityNumber')} />
      {withContact && (
        <>
          <TextField label={t('reception.party.phone')} type="tel" autoComplete="off" hint={t('reception.party.phoneHint')} {...field('phone')} />
          <TextField label={t('reception.party.email')} type="email" autoComplete="off" {...field('email')} />
        </>
      )}
      <TextField label={t('reception.party.address')} autoComplete="off" {...field('address')} />
      {withAuthorisation && <TextField label={t('reception.party.authorisationDocument')} required {...field('authorisationDocument')} />}
    </fieldset>
  );
}

/**
 * Scans of the documents: drag and drop, or the file picker (on a phone, the camera). The files stay in the
 * browser until the attachment API (dossiers module) is on main; the page says so.
 */
export function ScanDropZone({ files, onChange }: { files: readonly File[]; onChange: (files: File[]) => void }) {
  const { t } = useTranslation('desk');
  const inputId = useId();
  const add = (list: FileList | null) => list && onChange([...files, ...Array.from(list)]);
  return (
    <fieldset className="reception__section">
      <legend>{t('reception.scans.legend')}</legend>
      <DropArea onFiles={add}>
        <label htmlFor={inputId}>{t('reception.scans.drop')}</label>
        <input id={inputId} type="file" accept="application/pdf,image/*" capture="environment" multiple onChange={(e) => add(e.target.files)} />
      </DropArea>
      <p className="hint-text">{t('reception.scans.pending')}</p>
      {files.length > 0 && (
        <ul>
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`}>
              {file.name} ({Math.ceil(file.size / 1024)} KB){' '}
              <Button variant="link" onClick={() => onChange(files.filter((_, i) => i !== index))}>
                {t('reception.scans.remove', { name: file.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

export type ReturnMethod = 'counter' | 'postal' | 'online';

export function ReturnChannel({
  method,
  address,
  onMethod,
  onAddress,
  error,
}: {
  method: ReturnMethod;
  address: string;
  onMethod: (m: ReturnMethod) => void;
  onAddress: (a: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation('desk');
  return (
    <fieldset className="reception__section">
      <legend>{t('reception.return.legend')}</legend>
      <div className="reception__choices">
        {(['counter', 'postal', 'online'] as const).map((m) => (
          <label key={m} className="reception__choice">
            <input type="radio" name="reception-return" value={m} checked={method === m} onChange={() => onMethod(m)} />
            <span>{t(`returnMethods.${m}`)}</span>
          </label>
        ))}
      </div>
      {method === 'postal' && (
        <TextField id="reception-delivery-address" label={t('reception.return.address')} required value={address} error={error} onChange={(e) => onAddress(e.target.value)} />
      )}
    </fieldset>
  );
}
