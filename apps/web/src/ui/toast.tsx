/**
 * Short messages after an action ("Đã lưu"), announced by screen readers: successes and information through a
 * polite status region, errors through an assertive alert region. The regions are always in the page (a live
 * region must exist before its content changes). Successes fade after 8 s; errors stay until dismissed.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ToastTone = 'info' | 'success' | 'error';

interface ToastItem {
  id: number;
  message: string;
  tone: ToastTone;
}

export interface ToastApi {
  show(message: string, tone?: ToastTone): void;
}

const ToastContext = createContext<ToastApi | null>(null);

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast needs a <ToastProvider> above it');
  return api;
}

export function ToastProvider({ children, durationMs = 8000 }: { children: ReactNode; durationMs?: number }) {
  const { t } = useTranslation('kit');
  const [items, setItems] = useState<ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setItems((current) => current.filter((item) => item.id !== id)), []);

  const show = useCallback(
    (message: string, tone: ToastTone = 'success') => {
      const id = nextId.current++;
      setItems((current) => [...current.slice(-3), { id, message, tone }]);
      if (tone !== 'error') setTimeout(() => dismiss(id), durationMs);
    },
    [dismiss, durationMs],
  );

  const api = useMemo(() => ({ show }), [show]);

  const render = (item: ToastItem) => (
    <div key={item.id} className={`toast toast--${item.tone}`}>
      <p className="toast__message">{item.message}</p>
      <button type="button" className="toast__dismiss" onClick={() => dismiss(item.id)}>
        <span aria-hidden="true">×</span>
        <span className="visually-hidden">{t('toast.dismiss')}</span>
      </button>
    </div>
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts">
        <div role="status" aria-live="polite">
          {items.filter((item) => item.tone !== 'error').map(render)}
        </div>
        <div role="alert" aria-live="assertive">
          {items.filter((item) => item.tone === 'error').map(render)}
        </div>
      </div>
    </ToastContext.Provider>
  );
}
