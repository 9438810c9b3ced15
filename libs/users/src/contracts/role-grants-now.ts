/** Today as an ISO date (UTC), the form of the record's dates. */
export const isoToday = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/**
 * Whether a role grants its permissions now: the role is active and not expired, on a user record that is
 * active and not expired (an expiry date is the last day it holds). Dates are ISO dates (`YYYY-MM-DD`).
 */
export function grantsNow(
  role: { readonly status: string; readonly expiryDate?: string | null },
  user: { readonly status: string; readonly expiryDate?: string | null },
  today: string = isoToday(),
): boolean {
  const current = (expiry: string | null | undefined) => !expiry || expiry >= today;
  return role.status === 'ACTIVE' && current(role.expiryDate) && user.status === 'ACTIVE' && current(user.expiryDate);
}
