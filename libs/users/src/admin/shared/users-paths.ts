import { z } from 'zod';

/** Where the users screens live, in TanStack Router syntax; the router ranks static paths above `$id`. */
export const usersPaths = {
  find: '/users',
  add: '/users/new',
  configuration: '/users/configuration',
  details: '/users/$id',
} as const;

/** The kernel's Jobs page, where bulk edits and purges report. */
export const jobsPath = '/jobs';

export const userDetailsTabs = [
  'general',
  'contact',
  'identifiers',
  'notes',
  'statistics',
  'attachments',
  'roles',
  'history',
] as const;

export type UserDetailsTab = (typeof userDetailsTabs)[number];

/**
 * User Details' search params: the open tab, one of `userDetailsTabs` or the id of a tab another module
 * contributes (General information when absent or unknown).
 */
export const userDetailsSearch = z.object({ tab: z.string().optional().catch(undefined) });

/** Link options to the User Details page of one user, optionally on a given tab (built-in or contributed). */
export function userDetailsLink(id: string, tab?: string) {
  return { to: usersPaths.details, params: { id }, search: tab && tab !== 'general' ? { tab } : {} };
}

/** Quick User Management's search params: the record type to preset. */
export const addUserSearch = z.object({ recordType: z.string().optional().catch(undefined) });

/** Link options to the Quick User Management page, with the record type preset when a tab other than All was open. */
export function addUserLink(recordType?: string) {
  return { to: usersPaths.add, search: recordType ? { recordType } : {} };
}

/** Link options to a job's report on the Jobs page. */
export function jobReportLink(jobId: string) {
  return { to: jobsPath, search: { job: jobId } };
}
