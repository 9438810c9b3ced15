import { describe, expect, it } from 'vitest';
import { institutionOfOidcFlow, type OidcFlow, openOidcFlow, sealOidcFlow } from './oidc-flow-cookie.js';

const flow: OidcFlow = {
  institutionId: '6f1c2a4e-0000-4000-8000-000000000001',
  codeVerifier: 'verifier',
  state: 'state',
  nonce: 'nonce',
  expiresAt: Date.now() + 60_000,
};

describe('the sealed OpenID Connect flow cookie', () => {
  it('opens with the secret it was sealed with, and names its institution in the clear', () => {
    const cookie = sealOidcFlow(flow, 'client secret');
    expect(institutionOfOidcFlow(cookie)).toBe(flow.institutionId);
    expect(cookie).not.toContain('verifier');
    expect(openOidcFlow(cookie, 'client secret')).toEqual(flow);
  });

  it('does not open with another secret, another institution, a changed byte or after it expired', () => {
    const cookie = sealOidcFlow(flow, 'client secret');
    expect(openOidcFlow(cookie, 'another secret')).toBeNull();
    expect(
      openOidcFlow(cookie.replace(flow.institutionId, '6f1c2a4e-0000-4000-8000-000000000002'), 'client secret'),
    ).toBeNull();
    const body = cookie.slice(flow.institutionId.length + 1);
    const flipped = `${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(openOidcFlow(`${flow.institutionId}.${flipped}`, 'client secret')).toBeNull();
    expect(openOidcFlow(cookie, 'client secret', flow.expiresAt)).toBeNull();
    expect(openOidcFlow('', 'client secret')).toBeNull();
    expect(openOidcFlow('garbage.', 'client secret')).toBeNull();
  });
});
