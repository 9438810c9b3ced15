import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useToast } from '@ulms/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { useSessionInfo } from '../session/session-context.js';
import { useTRPC } from '../trpc/trpc.js';

/** The account button in the header, opening Account settings and Sign out (a disclosure, not an ARIA menu). */
export function AccountMenu() {
  const session = useSessionInfo();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.session.queryKey(), null);
        void navigate({ to: '/sign-in', replace: true });
      },
      onError: (error) => toast.show(`Could not sign out: ${error.message}`, 'error'),
    }),
  );

  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    return () => document.removeEventListener('pointerdown', closeOnOutside);
  }, [open]);

  return (
    <div
      className="account-menu"
      ref={rootRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        type="button"
        ref={buttonRef}
        className="account-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="account-menu__avatar" aria-hidden="true">
          {session.account.displayName.charAt(0).toUpperCase()}
        </span>
        <span className="account-menu__name">{session.account.displayName}</span>
        <span aria-hidden="true">▾</span>
      </button>
      <div id={panelId} className="account-menu__panel" hidden={!open}>
        <p className="account-menu__who">
          Signed in as <strong>{session.account.username}</strong>
        </p>
        <Link to="/account" className="account-menu__item" onClick={() => setOpen(false)}>
          Account settings
        </Link>
        <button
          type="button"
          className="account-menu__item"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate()}
        >
          Sign out
        </button>
      </div>
    </div>
  );
}
