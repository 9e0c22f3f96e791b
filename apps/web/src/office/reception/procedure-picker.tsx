/**
 * Find the procedure as in the catalogue (words in any order, without accents, typos corrected), among those the
 * desk receives. Enter in the search box picks the first match; arrow keys move between the matches.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api';
import { Highlighted } from '../../catalog/highlighted';
import { Spinner } from '../../ui';
import { useProcedureSearch } from '../desk/desk-queries';

export interface PickedProcedure {
  code: string;
  name: string;
}

export function ProcedurePicker({ deskCode, picked, onPick }: { deskCode: string | null; picked: PickedProcedure | null; onPick: (p: PickedProcedure | null) => void }) {
  const { t } = useTranslation('desk');
  const errorText = useErrorText();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useProcedureSearch(query, deskCode);
  const items = search.data?.items ?? [];

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    // Enter picks the first match instead of submitting the reception form.
    event.preventDefault();
    const first = items[0];
    if (first && query === typed) onPick({ code: first.code, name: first.name });
    else setQuery(typed);
  };

  return (
    <fieldset className="reception__section">
      <legend>{t('reception.procedure.legend')}</legend>
      <div className="field">
        <label className="field__label" htmlFor="reception-search">
          {t('reception.procedure.search')}
        </label>
        <p className="field__hint" id="reception-search-hint">
          {t('reception.procedure.searchHint')}
        </p>
        <input
          id="reception-search"
          type="search"
          className="input"
          autoComplete="off"
          aria-describedby="reception-search-hint"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      {search.isFetching && <Spinner label={t('reception.procedure.searching')} />}
      {search.error && <p role="alert">{errorText(search.error)}</p>}
      {query.trim().length >= 2 && search.data && items.length === 0 && <p role="status">{t('reception.procedure.none')}</p>}
      {items.length > 0 && (
        <div className="reception__choices" role="radiogroup" aria-label={t('reception.procedure.matches')}>
          {items.map((item) => (
            <label key={item.code} className="reception__choice">
              <input
                type="radio"
                name="reception-procedure"
                value={item.code}
                checked={picked?.code === item.code}
                onChange={() => onPick({ code: item.code, name: item.name })}
              />
              <span>
                <Highlighted segments={item.nameHighlighted} /> <code>{item.code}</code>
              </span>
            </label>
          ))}
        </div>
      )}
      {picked && (
        <p className="reception__picked" role="status">
          {t('reception.procedure.picked', { name: picked.name, code: picked.code })}
        </p>
      )}
    </fieldset>
  );
}
