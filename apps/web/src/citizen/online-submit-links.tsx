/** On a procedure's page: one "submit online" link per case, when the procedure is offered online. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClass } from '../ui';

export function OnlineSubmitLinks({ code, cases }: { code: string; cases: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation('citizen');
  return (
    <ul className="online-submit">
      {cases.map((c) => (
        <li key={c.id}>
          <Link className={buttonClass('primary')} to={`/procedures/${encodeURIComponent(code)}/submit?case=${encodeURIComponent(c.id)}`}>
            {cases.length > 1 ? t('submit.onlineCase', { name: c.name }) : t('submit.online')}
          </Link>
        </li>
      ))}
    </ul>
  );
}
