/** The sign-in page address that brings the user back to `returnTo` afterwards. */
export function signInLocation(returnTo: string, reason?: 'expired'): string {
  const query = new URLSearchParams();
  if (returnTo !== '/' && !returnTo.startsWith('/sign-in')) query.set('next', returnTo);
  if (reason) query.set('reason', reason);
  const text = query.toString();
  return text ? `/sign-in?${text}` : '/sign-in';
}
