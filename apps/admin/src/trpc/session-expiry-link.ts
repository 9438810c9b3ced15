import type { TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { AppRouter } from '@ulms/server/app-router';

// Calls that answer UNAUTHORIZED for wrong credentials rather than for a lost session.
const credentialPaths = new Set(['auth.signIn', 'auth.verifyMfa']);

/** Reports an UNAUTHORIZED answer to any other call: the session cookie is gone or has expired. */
export function sessionExpiryLink(onUnauthorized: () => void): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) =>
        next(op).subscribe({
          next: (value) => observer.next(value),
          error: (error) => {
            if (error.data?.code === 'UNAUTHORIZED' && !credentialPaths.has(op.path)) onUnauthorized();
            observer.error(error);
          },
          complete: () => observer.complete(),
        }),
      );
}
