/** How the HTTP host sees the network in front of it, from the environment. */
export interface HttpSettings {
  /**
   * Whom to believe about the client's address and scheme (`X-Forwarded-For`, `-Proto`, `-Host`): nobody
   * (false, the default), every hop (true), a number of hops, or the proxies' addresses and CIDR ranges.
   */
  readonly trustProxy: boolean | number | string[];
  /** The public address of the server (`https://ulms.example.org`), when it is not the one it listens on. */
  readonly publicUrl?: string;
  /** Origins besides the server's own whose pages may call tRPC mutations (`https://admin.example.org`). */
  readonly allowedOrigins: readonly string[];
}

/** `TRUST_PROXY`: unset or `false`, `true`, a number of hops, or a comma-separated list of addresses/CIDRs. */
export function trustProxyFromEnv(value: string | undefined): boolean | number | string[] {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !/^[0-9A-Fa-f:.]+(\/\d{1,3})?$/.test(entry));
  if (bad.length > 0)
    throw new Error(
      `TRUST_PROXY must be true, false, a number of hops or proxy addresses/CIDR ranges separated by commas; "${bad.join(', ')}" is none of these`,
    );
  return entries;
}

function originOf(text: string, setting: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${setting}: "${text}" is not a URL such as https://ulms.example.org`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`${setting}: "${text}" must start with http:// or https://`);
  return url.origin;
}

/** `PUBLIC_URL`: an http(s) address without query or fragment; its trailing slash is dropped. */
export function publicUrlFromEnv(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  originOf(text, 'PUBLIC_URL');
  const url = new URL(text);
  if (url.search || url.hash) throw new Error(`PUBLIC_URL: "${text}" must not have a query or fragment`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `ALLOWED_ORIGINS`: origins separated by commas. */
export function allowedOriginsFromEnv(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => originOf(entry, 'ALLOWED_ORIGINS'));
}

/** `TRUST_PROXY`, `PUBLIC_URL` and `ALLOWED_ORIGINS`; a malformed value stops the start with its name. */
export function httpSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): HttpSettings {
  return {
    trustProxy: trustProxyFromEnv(env['TRUST_PROXY']),
    publicUrl: publicUrlFromEnv(env['PUBLIC_URL']),
    allowedOrigins: allowedOriginsFromEnv(env['ALLOWED_ORIGINS']),
  };
}
