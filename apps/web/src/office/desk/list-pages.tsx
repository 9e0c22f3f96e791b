/**
 * The foot of a list the server pages (inbox tabs, online queue, deadlines): which rows of how many are shown, and
 * the pages. Nothing when everything fits on one page.
 */
import { useTranslation } from 'react-i18next';
import { Pagination } from '../../ui';

export function ListPages(props: { page: number; pageSize: number; shown: number; total: number; onPageChange: (page: number) => void }) {
  const { t } = useTranslation('desk');
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  if (pages <= 1) return null;
  const from = (props.page - 1) * props.pageSize + 1;
  return (
    <div className="inbox__pages">
      <p className="hint-text">{t('inbox.pageOf', { from, to: from - 1 + props.shown, total: props.total })}</p>
      <Pagination page={props.page} pageCount={pages} onPageChange={props.onPageChange} />
    </div>
  );
}
