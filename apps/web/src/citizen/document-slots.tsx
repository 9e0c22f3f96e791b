/**
 * One upload slot per required document: take a photo on a phone (capture) or choose a file, the limits said
 * beside it, or reuse a file already held from an earlier dossier. Files stay in the page until submission.
 */
import { useTranslation } from 'react-i18next';
import { catalogueDocumentCode, documentAskedOn } from '@motcua/contracts/catalog-content';
import { declarationDocument } from '@motcua/contracts/portal-forms';
import { Select } from '../ui';
import { formatBytes } from './citizen-api';

export interface DocumentSlot {
  code: string;
  name: string;
  requirement: 'mandatory' | 'optional' | 'conditional';
  condition: string | null;
}

export interface SlotChoice {
  file: File | null;
  reuseId: string | null;
}

export interface Reusable {
  id: string;
  fileName: string;
  dossierCode: string | null;
}

interface CatalogueDocument {
  readonly code?: string | null;
  readonly name: string;
  readonly requirement: DocumentSlot['requirement'];
  readonly condition?: string | null;
  readonly isPresentOnly?: boolean;
  readonly channels?: readonly string[] | null;
}

/**
 * The upload slots of online submission: the case's documents asked online, not shown in person only, not the
 * declaration the wizard fills. Each keeps the code the dossier engine gives it among ALL the case's documents.
 */
export function onlineSlots(procedureCode: string, documents: readonly CatalogueDocument[]): DocumentSlot[] {
  return documents
    .map((d, i) => ({ d, code: catalogueDocumentCode(d, i) }))
    .filter(({ d }) => !d.isPresentOnly && documentAskedOn(d, 'online') && declarationDocument(procedureCode, d.name) === null)
    .map(({ d, code }) => ({ code, name: d.name, requirement: d.requirement, condition: d.condition ?? null }));
}

const accept = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png';

export function slotId(code: string): string {
  return `slot-${code.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export function DocumentSlots({
  slots,
  choices,
  reusable,
  maxFileBytes,
  errors,
  onChange,
}: {
  slots: readonly DocumentSlot[];
  choices: Readonly<Record<string, SlotChoice>>;
  reusable: readonly Reusable[];
  maxFileBytes: number | null;
  errors: Readonly<Record<string, string>>;
  onChange: (code: string, choice: SlotChoice) => void;
}) {
  const { t, i18n } = useTranslation('citizen');
  return (
    <div className="slots">
      <p className="notice notice--info">
        {t('documents.limits', { size: maxFileBytes ? formatBytes(maxFileBytes, i18n.language) : '—' })}
      </p>
      {slots.map((slot) => {
        const id = slotId(slot.code);
        const choice = choices[slot.code] ?? { file: null, reuseId: null };
        const error = errors[`documents.${slot.code}`];
        const tooBig = choice.file && maxFileBytes !== null && choice.file.size > maxFileBytes;
        return (
          <fieldset key={slot.code} className={`slot card${error || tooBig ? ' field--error' : ''}`}>
            <legend className="slot__name">
              {slot.name}{' '}
              <span className="field__required">{t(`documents.requirement.${slot.requirement}`)}</span>
            </legend>
            {slot.condition && <p className="field__hint">{slot.condition}</p>}
            {error && <p className="field__error">{error}</p>}
            <label className="field__label" htmlFor={id}>
              {t('documents.choose')}
            </label>
            <p className="field__hint" id={`${id}-hint`}>
              {t('documents.chooseHint')}
            </p>
            <input
              id={id}
              className="input input--file"
              type="file"
              accept={accept}
              capture="environment"
              aria-describedby={`${id}-hint`}
              onChange={(e) => onChange(slot.code, { file: e.target.files?.[0] ?? null, reuseId: null })}
            />
            {choice.file && (
              <p className={tooBig ? 'field__error' : 'slot__chosen'}>
                {tooBig
                  ? t('documents.tooBig', { name: choice.file.name, size: formatBytes(choice.file.size, i18n.language) })
                  : t('documents.chosen', { name: choice.file.name, size: formatBytes(choice.file.size, i18n.language) })}
              </p>
            )}
            {reusable.length > 0 && (
              <Select
                label={t('documents.reuse')}
                placeholder={t('documents.reuseNone')}
                value={choice.reuseId ?? ''}
                options={reusable.map((r) => ({ value: r.id, label: r.dossierCode ? `${r.fileName} (${r.dossierCode})` : r.fileName }))}
                onChange={(e) => onChange(slot.code, { file: null, reuseId: e.target.value || null })}
              />
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
