import { useId, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { cx } from '../ui';

/**
 * The procedure search entry: sends the words to the procedure listing (/procedures?q=…, built by the catalogue).
 * Search words are not personal data, so they may travel in the URL and be bookmarked.
 */
export function SearchForm({ size = 'compact' }: { size?: 'compact' | 'large' }) {
  const { t } = useTranslation('portal');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [query, setQuery] = useState(params.get('q') ?? '');
  const id = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = query.trim();
    void navigate(q ? `/procedures?q=${encodeURIComponent(q)}` : '/procedures');
  };

  return (
    <form role="search" className={cx('search-form', `search-form--${size}`)} onSubmit={submit}>
      <label htmlFor={id} className={cx('search-form__label', size === 'compact' && 'visually-hidden')}>
        {t('search.label')}
      </label>
      <div className="search-form__row">
        <input
          id={id}
          className="input search-form__input"
          type="search"
          name="q"
          value={query}
          placeholder={t('search.placeholder')}
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit" className="btn btn--primary search-form__submit">
          {t('search.submit')}
        </button>
      </div>
    </form>
  );
}
