import { SESSION_COOKIE } from '../http/build-server.js';
import { BrowserWithCookies } from './browser-with-cookies.js';

/** Where a sign-in through the provider ended: the app's page it landed on, and the session cookie if one was set. */
export interface ProviderSignInOutcome {
  /** Path and query of the app page the browser was sent to (`/` or `/sign-in?external=failed`). */
  readonly landing: string;
  /** `ulms_session=…`, or null. */
  readonly cookie: string | null;
}

/**
 * Runs an OpenID Connect sign-in over real HTTP in a fresh browser: the app's start route, the loopback
 * provider's development login form (as `login`) and consent, the app's callback.
 */
export async function signInThroughProvider(options: {
  readonly appUrl: string;
  readonly institutionCode: string;
  readonly login: string;
}): Promise<ProviderSignInOutcome> {
  const browser = new BrowserWithCookies();
  const app = new URL(options.appUrl);
  // Stop at the app's own pages (the admin app need not be built); its routes under /auth/ are followed.
  const stopAt = (next: URL) => next.origin === app.origin && !next.pathname.startsWith('/auth/');
  let page = await browser.open(`${options.appUrl}/auth/oidc/${options.institutionCode}/start`, { stopAt });
  if (page.url.origin === app.origin) return outcome(browser, app, page.url);
  if (!page.body.includes('name="login"')) throw new Error(`no login form at ${page.url.href}: ${page.status}`);
  page = await browser.open(page.url, {
    method: 'POST',
    form: { prompt: 'login', login: options.login, password: 'any' },
    stopAt,
  });
  if (page.url.origin !== app.origin) {
    page = await browser.open(page.url, { method: 'POST', form: { prompt: 'consent' }, stopAt });
  }
  return outcome(browser, app, page.url);
}

function outcome(browser: BrowserWithCookies, app: URL, landed: URL): ProviderSignInOutcome {
  const session = browser.cookiesFor(app).get(SESSION_COOKIE);
  return { landing: `${landed.pathname}${landed.search}`, cookie: session ? `${SESSION_COOKIE}=${session}` : null };
}
