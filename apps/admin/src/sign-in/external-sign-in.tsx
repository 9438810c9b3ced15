import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '../trpc/trpc.js';

const INSTITUTION_CODE = /^[A-Za-z0-9_]{2,40}$/;
const SETTLE_MS = 300;

/** The institution code once typing has paused, so the options are not asked for on every keystroke. */
function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/**
 * "Sign in with …": the institution's OpenID Connect provider, where it has one. A plain link, because the sign-in
 * runs through the provider's pages and comes back to the server, which sets the session cookie.
 */
export function ExternalSignIn({ institution }: { readonly institution: string }) {
  const trpc = useTRPC();
  const code = useSettled(institution.trim());
  const options = useQuery(
    trpc.auth.signInOptions.queryOptions(
      { institution: code },
      { enabled: INSTITUTION_CODE.test(code), staleTime: 60_000, retry: false },
    ),
  );
  const oidc = INSTITUTION_CODE.test(institution.trim()) ? options.data?.oidc : null;
  if (!oidc) return null;
  return (
    <>
      <p className="muted">or</p>
      <a className="ui-button ui-button--block" href={oidc.startUrl}>
        Sign in with {oidc.displayName}
      </a>
    </>
  );
}

/** Whether the server sent the browser back here because a sign-in at the identity provider failed. */
export function externalSignInFailed(): boolean {
  return new URLSearchParams(window.location.search).get('external') === 'failed';
}
