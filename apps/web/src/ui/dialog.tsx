/**
 * A modal dialog on the native <dialog> element: the browser traps focus, closes on Escape, makes the page
 * behind inert and returns focus to the opener. `open` is controlled; every way of closing calls `onClose`.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  /** Action buttons, shown at the bottom (the primary action last). */
  footer?: ReactNode;
}

export function Dialog({ open, onClose, title, children, footer }: DialogProps) {
  const { t } = useTranslation('kit');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={() => open && onClose()}>
      <div className="dialog__header">
        <h2 className="dialog__title" id={titleId}>
          {title}
        </h2>
        <button type="button" className="dialog__close" onClick={onClose}>
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">{t('dialog.close')}</span>
        </button>
      </div>
      <div className="dialog__body">{open ? children : null}</div>
      {footer && <div className="dialog__footer">{footer}</div>}
    </dialog>
  );
}
