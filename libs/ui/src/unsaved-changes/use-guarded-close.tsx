import { type ReactNode, useState } from 'react';
import { LeaveWithoutSavingDialog } from './leave-without-saving.dialog.js';

export interface GuardedClose {
  /** Closes at once when nothing was typed, otherwise asks first. */
  readonly requestClose: () => void;
  /** The "Leave without saving?" dialog; render it inside the dialog it guards. */
  readonly dialog: ReactNode;
}

/** For a form in a dialog: Cancel, Esc and the corner button ask before dropping what was typed. */
export function useGuardedClose(dirty: boolean, close: () => void): GuardedClose {
  const [asking, setAsking] = useState(false);
  const requestClose = () => (dirty ? setAsking(true) : close());
  const dialog = (
    <LeaveWithoutSavingDialog
      open={asking}
      onStay={() => setAsking(false)}
      onLeave={() => {
        setAsking(false);
        close();
      }}
    />
  );
  return { requestClose, dialog };
}
