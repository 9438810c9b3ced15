import { useNavigate, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';

/**
 * Replaces the current location with `href` (a path with its query) once rendered, unless the router is
 * already on its way to that page: an expired session's own redirect carries its notice and must win.
 */
export function Redirect({ href }: { readonly href: string }) {
  const navigate = useNavigate();
  const router = useRouter();
  useEffect(() => {
    if (router.latestLocation.pathname === new URL(href, window.location.origin).pathname) return;
    void navigate({ href, replace: true });
  }, [href, navigate, router]);
  return null;
}
