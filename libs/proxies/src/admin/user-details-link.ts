/**
 * Link options to User Details of a user, optionally on one of its tabs. The users module's screens live at
 * `/users/$id` (`?tab=` picks a tab); its path helpers are not the proxies module's to import.
 */
export function userDetailsLink(id: string, tab?: string) {
  return { to: '/users/$id', params: { id }, search: tab ? { tab } : {} };
}
