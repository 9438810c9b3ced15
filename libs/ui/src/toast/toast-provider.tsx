import { type ReactNode, useCallback, useMemo, useRef, useState } from 'react';
import { type Toast, ToastContext, type ToastTone } from './toast-context.js';

const autoDismissMs = 6000;

/** Holds the toasts and renders them in two live regions: polite for news, assertive for errors. */
export function ToastProvider({ children }: { readonly children: ReactNode }) {
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);

  const show = useCallback(
    (message: string, tone: ToastTone = 'info') => {
      const id = nextId.current++;
      setToasts((all) => [...all, { id, tone, message }]);
      if (tone !== 'error') window.setTimeout(() => dismiss(id), autoDismissMs);
    },
    [dismiss],
  );

  const api = useMemo(() => ({ show }), [show]);
  const render = (tone: 'polite' | 'assertive') => (
    <div className="ui-toasts__region" aria-live={tone} role={tone === 'polite' ? 'status' : undefined}>
      {toasts
        .filter((toast) => (toast.tone === 'error') === (tone === 'assertive'))
        .map((toast) => (
          <div key={toast.id} className={`ui-toast ui-toast--${toast.tone}`}>
            <span>{toast.message}</span>
            <button type="button" className="ui-toast__dismiss" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
    </div>
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="ui-toasts">
        {render('assertive')}
        {render('polite')}
      </div>
    </ToastContext.Provider>
  );
}
