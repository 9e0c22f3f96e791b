import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, switchLanguage } from '../i18n';
import { cx } from '../ui';

/** One button that offers the other language, written in that language ("English" / "Tiếng Việt"). */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t } = useTranslation('common');
  const [busy, setBusy] = useState(false);
  const other = currentLanguage() === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className={cx('language-switch', className)}
      lang={other}
      aria-label={t('language.otherLabel')}
      aria-busy={busy || undefined}
      onClick={() => {
        setBusy(true);
        void switchLanguage(other).finally(() => setBusy(false));
      }}
    >
      {t('language.other')}
    </button>
  );
}
