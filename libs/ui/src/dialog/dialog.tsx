import * as RadixDialog from '@radix-ui/react-dialog';
import { type ReactNode, useRef } from 'react';

export interface DialogProps {
  readonly open: boolean;
  readonly title: ReactNode;
  readonly onClose: () => void;
  readonly children: ReactNode;
  /** Buttons at the bottom; the dialog adds no close button of its own besides the corner one. */
  readonly footer?: ReactNode;
  readonly size?: 'small' | 'medium' | 'large';
}

const firstControl =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href]';

/**
 * A modal on Radix Dialog (focus trapped, Esc closes, outside the dialog inert). Focus moves in to
 * `[data-autofocus]`, else the first control of the body, and returns to the element that opened it.
 */
export function Dialog({ open, title, onClose, children, footer, size = 'medium' }: DialogProps) {
  const openerRef = useRef<HTMLElement | null>(null);
  return (
    <RadixDialog.Root open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="ui-dialog__overlay" />
        <RadixDialog.Content
          className={`ui-dialog ui-dialog--${size}`}
          aria-describedby={undefined}
          onOpenAutoFocus={(event) => {
            // Without a Radix trigger, Radix would not know where to return: remember the opener ourselves.
            openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            const content = event.currentTarget as HTMLElement;
            const target =
              content.querySelector<HTMLElement>('[data-autofocus]') ??
              content.querySelector<HTMLElement>(`.ui-dialog__body :is(${firstControl})`);
            if (target) {
              event.preventDefault();
              target.focus();
            }
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (openerRef.current?.isConnected) openerRef.current.focus();
            openerRef.current = null;
          }}
          // A click beside a form must not throw its edits away; Esc, Cancel and × close.
          onInteractOutside={(event) => event.preventDefault()}
        >
          <div className="ui-dialog__panel">
            <header className="ui-dialog__header">
              <RadixDialog.Title asChild>
                <h2>{title}</h2>
              </RadixDialog.Title>
              <RadixDialog.Close className="ui-dialog__close" aria-label="Close">
                ×
              </RadixDialog.Close>
            </header>
            <div className="ui-dialog__body">{children}</div>
            {footer ? <footer className="ui-dialog__footer">{footer}</footer> : null}
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
