import { describe, expect, it } from 'vitest';
import { totpCode, verifyTotp } from './totp.js';

// RFC 6238 appendix B, SHA-1: secret "12345678901234567890" in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP', () => {
  it.each([
    ['1970-01-01T00:00:59Z', '287082'],
    ['2005-03-18T01:58:29Z', '081804'],
    ['2009-02-13T23:31:30Z', '005924'],
    ['2033-05-18T03:33:20Z', '279037'],
  ])('gives the RFC 6238 code at %s', (at, code) => {
    expect(totpCode(RFC_SECRET, new Date(at))).toBe(code);
  });

  it('accepts one step of drift and no more', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() - 30_000)), now)).toBe(true);
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() - 90_000)), now)).toBe(false);
    expect(verifyTotp(RFC_SECRET, '12345', now)).toBe(false);
  });
});
