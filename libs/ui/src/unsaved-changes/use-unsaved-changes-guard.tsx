import { useBlocker } from '@tanstack/react-router';
import { type ReactNode, useCallback, useRef } from 'react';
import { LeaveWithoutSavingDialog } from './leave-without-saving.dialog.js';

export interface UnsavedChangesGuard {
  /** The "Leave without saving?" dialog; render it once beside the form. */
  readonly dialog: ReactNode;
  /** Lets the next navigation through without asking: call it right before navigating away after a save. */
  readonly release: () => void;
}

/**
 * While `dirty`, asks before any in-app navigation (another page, another tab of the page, back and
 * forward) and lets the browser ask before the window is closed or reloaded.
 */
export function useUnsavedChangesGuard(dirty: boolean): UnsavedChangesGuard {
  const released = useRef(false);
  const blocker = useBlocker({
    shouldBlockFn: ({ current, next }) => {
      if (!dirty || released.current) return false;
      return current.pathname !== next.pathname || JSON.stringify(current.search) !== JSON.stringify(next.search);
    },
    enableBeforeUnload: () => dirty && !released.current,
    withResolver: true,
  });
  const release = useCallback(() => {
    released.current = true;
    // Long enough for the navigation that follows to pass; the form asks again after that if still dirty.
    setTimeout(() => (released.current = false), 1000);
  }, []);
  const dialog = (
    <LeaveWithoutSavingDialog
      open={blocker.status === 'blocked'}
      onStay={() => blocker.reset?.()}
      onLeave={() => blocker.proceed?.()}
    />
  );
  return { dialog, release };
}
