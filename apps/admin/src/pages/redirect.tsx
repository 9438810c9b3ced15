import { navigate } from '@ulms/ui';
import { useEffect } from 'react';

/** Replaces the current location with `to` once rendered. */
export function Redirect({ to }: { readonly to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
