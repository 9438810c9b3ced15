/** Where the users screens live; the admin app matches `details` as a pattern after the static paths. */
export const usersPaths = {
  find: '/users',
  add: '/users/new',
  configuration: '/users/configuration',
  details: '/users/:id',
} as const;

/** The kernel's Jobs page, where bulk edits and purges report. */
export const jobsPath = '/jobs';

export type UserDetailsTab = 'general' | 'contact' | 'identifiers' | 'notes' | 'statistics' | 'attachments' | 'history';

/** The User Details page of one user, optionally on a given tab. */
export function userDetailsPath(id: string, tab?: UserDetailsTab): string {
  const path = `${usersPaths.find}/${encodeURIComponent(id)}`;
  return tab && tab !== 'general' ? `${path}?tab=${tab}` : path;
}

/** The Quick User Management page, with the record type preset when a tab other than All was open. */
export function addUserPath(recordType?: string): string {
  return recordType ? `${usersPaths.add}?recordType=${encodeURIComponent(recordType)}` : usersPaths.add;
}
