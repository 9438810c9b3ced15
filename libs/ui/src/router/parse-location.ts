/** A location split into its path and its query parameters. */
export interface Route {
  readonly path: string;
  readonly query: URLSearchParams;
}

export function parseLocation(location: string): Route {
  const url = new URL(location, 'http://local');
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  return { path, query: url.searchParams };
}

/** Whether a link to `href` is the current page or an ancestor of it, for highlighting navigation. */
export function isActivePath(currentPath: string, href: string): boolean {
  if (href === '/') return currentPath === '/';
  return currentPath === href || currentPath.startsWith(`${href}/`);
}

/** Only same-app absolute paths are followed after sign-in, so a crafted link cannot send users away. */
export function safeReturnPath(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//')) return '/';
  return value;
}
