import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** The cookie that carries an OpenID Connect sign-in from its start to its callback. */
export const OIDC_FLOW_COOKIE = 'ulms_oidc_flow';

/** How long a person has at the provider before the sign-in must start again. */
export const OIDC_FLOW_TTL_MS = 10 * 60_000;

/** What the callback needs to finish a sign-in the start began: PKCE verifier, state and nonce. */
export interface OidcFlow {
  readonly institutionId: string;
  readonly codeVerifier: string;
  readonly state: string;
  readonly nonce: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The key that seals an institution's flows, derived from its client secret: every server process (`WORKERS`)
 * has the secret, so any of them can open a flow another started, and nothing new has to be configured.
 */
function keyFor(secret: string, institutionId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'ulms-oidc-flow', institutionId, 32));
}

/** The flow as a cookie value: `institutionId.` then AES-256-GCM (encrypted, tamper-evident) in base64url. */
export function sealOidcFlow(flow: OidcFlow, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, flow.institutionId), iv);
  cipher.setAAD(Buffer.from(flow.institutionId));
  const body = JSON.stringify({ v: flow.codeVerifier, s: flow.state, n: flow.nonce, e: flow.expiresAt });
  const sealed = Buffer.concat([iv, cipher.update(body, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${flow.institutionId}.${sealed.toString('base64url')}`;
}

/** The institution a flow cookie says it belongs to (not yet verified: `openOidcFlow` does that). */
export function institutionOfOidcFlow(cookie: string): string | null {
  const dot = cookie.indexOf('.');
  return dot > 0 ? cookie.slice(0, dot) : null;
}

/** The flow in a cookie; null when it was tampered with, sealed with another secret, or has expired. */
export function openOidcFlow(cookie: string, secret: string, now = Date.now()): OidcFlow | null {
  const institutionId = institutionOfOidcFlow(cookie);
  if (!institutionId) return null;
  const sealed = Buffer.from(cookie.slice(institutionId.length + 1), 'base64url');
  if (sealed.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, institutionId), sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(institutionId));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const body = Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
    const { v, s, n, e } = JSON.parse(body) as { v: string; s: string; n: string; e: number };
    if (typeof e !== 'number' || now >= e) return null;
    return { institutionId, codeVerifier: v, state: s, nonce: n, expiresAt: e };
  } catch {
    return null;
  }
}
