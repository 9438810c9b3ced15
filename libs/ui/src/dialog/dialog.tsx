import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { focusableWithin } from './focusable.js';

export interface DialogProps {
  readonly open: boolean;
  readonly title: ReactNode;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Buttons at the bottom; the dialog adds no close button of its own besides the corner one. */
  readonly footer?: ReactNode;
  readonly size?: 'small' | 'medium' | 'large';
}

function keepTabInside(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab') return;
  const focusable = focusableWithin(event.currentTarget);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * A modal on the native <dialog>: focus moves in (to `[data-autofocus]`, else the first control of the body)
 * and is trapped, Esc closes, and focus returns to the opener.
 */
export function Dialog({ open, title, onClose, children, footer, size = 'medium' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const body = dialog.querySelector<HTMLElement>('.ui-dialog__body');
    const autofocus =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      (body ? focusableWithin(body)[0] : undefined) ??
      focusableWithin(dialog)[0];
    autofocus?.focus();
    return () => {
      dialog.close();
      opener?.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={`ui-dialog ui-dialog--${size}`}
      aria-labelledby={titleId}
      onKeyDown={keepTabInside}
      onCancel={(event) => {
        // Esc: let the owner close it so its open state stays the truth.
        event.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <div className="ui-dialog__panel">
          <header className="ui-dialog__header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="ui-dialog__close" aria-label="Close" onClick={onClose}>
              ×
            </button>
          </header>
          <div className="ui-dialog__body">{children}</div>
          {footer ? <footer className="ui-dialog__footer">{footer}</footer> : null}
        </div>
      ) : null}
    </dialog>
  );
}
