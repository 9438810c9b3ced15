import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { signInLocation } from './sign-in-location.js';

/**
 * Handles an UNAUTHORIZED answer: when the app believed it was signed in, it forgets the session and
 * every cached answer, and goes to sign-in with the expiry notice and the page to come back to.
 */
export function expireSession(queryClient: QueryClient, sessionKey: QueryKey, goTo: (href: string) => void): void {
  if (!queryClient.getQueryData(sessionKey)) return;
  const returnTo = window.location.pathname + window.location.search;
  const sessionHash = hashKey(sessionKey);
  queryClient.removeQueries({ predicate: (query) => query.queryHash !== sessionHash });
  queryClient.setQueryData(sessionKey, null);
  goTo(signInLocation(returnTo, 'expired'));
}
