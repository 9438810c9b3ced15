/** One request's answer as a browser sees it after following its redirects. */
export interface BrowserPage {
  readonly url: URL;
  readonly status: number;
  readonly body: string;
}

/**
 * A minimal browser for tests: follows redirects itself and keeps cookies per host (as browsers do, across
 * ports), so a sign-in can run over real HTTP through the app and an identity provider.
 */
export class BrowserWithCookies {
  private readonly jar = new Map<string, Map<string, string>>();

  /** The `name=value` pairs this browser holds for a host. */
  cookiesFor(url: URL): Map<string, string> {
    let cookies = this.jar.get(url.hostname);
    if (!cookies) {
      cookies = new Map();
      this.jar.set(url.hostname, cookies);
    }
    return cookies;
  }

  /** The `Cookie` header for `url`. */
  cookieHeader(url: URL): string {
    return [...this.cookiesFor(url)].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /**
   * Requests `url` and follows redirects until an answer that is not one, or until `stopAt` says a redirect's
   * target is where to stop (that target is then the page's URL, not requested).
   */
  async open(
    url: string | URL,
    options: { method?: 'GET' | 'POST'; form?: Record<string, string>; stopAt?: (url: URL) => boolean } = {},
  ): Promise<BrowserPage> {
    let current = new URL(url);
    let method = options.method ?? 'GET';
    let body = options.form ? new URLSearchParams(options.form).toString() : undefined;
    for (let hops = 0; hops < 20; hops += 1) {
      const response = await fetch(current, {
        method,
        redirect: 'manual',
        headers: {
          cookie: this.cookieHeader(current),
          ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body,
      });
      this.keep(current, response.headers.getSetCookie());
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        return { url: current, status: response.status, body: await response.text() };
      }
      await response.body?.cancel();
      const next = new URL(location, current);
      if (options.stopAt?.(next)) return { url: next, status: response.status, body: '' };
      current = next;
      method = 'GET';
      body = undefined;
    }
    throw new Error(`too many redirects from ${String(url)}`);
  }

  private keep(url: URL, setCookies: readonly string[]): void {
    const cookies = this.cookiesFor(url);
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [key = '', v = ''] = a.split('=');
        const k = key.trim().toLowerCase();
        return (k === 'expires' && Date.parse(v) <= Date.now()) || (k === 'max-age' && Number(v) <= 0);
      });
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
  }
}
