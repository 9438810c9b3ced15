import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newTotpSecret, otpauthUrl, totpCode, verifyTotp } from './totp.js';

// RFC 6238 appendix B, SHA-1: secret "12345678901234567890" in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** RFC 4226/6238 written out independently of otplib, as an authenticator app computes it. */
function referenceCode(base32Secret: string, at: Date): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...base32Secret].map((char) => alphabet.indexOf(char).toString(2).padStart(5, '0')).join('');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at.getTime() / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = (mac.at(-1) ?? 0) & 0x0f;
  return ((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, '0');
}

describe('TOTP', () => {
  it.each([
    ['1970-01-01T00:00:59Z', '287082'],
    ['2005-03-18T01:58:29Z', '081804'],
    ['2009-02-13T23:31:30Z', '005924'],
    ['2033-05-18T03:33:20Z', '279037'],
  ])('gives and accepts the RFC 6238 code at %s', (at, code) => {
    expect(totpCode(RFC_SECRET, new Date(at))).toBe(code);
    expect(verifyTotp(RFC_SECRET, code, new Date(at))).toBe(true);
  });

  it('accepts a code an independent implementation computes for a newly enrolled secret', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const now = new Date('2026-11-28T12:00:00Z');
    expect(verifyTotp(secret, referenceCode(secret, now), now)).toBe(true);
    expect(totpCode(secret, now)).toBe(referenceCode(secret, now));
  });

  it('accepts one step of drift and no more', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() - 30_000)), now)).toBe(true);
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() + 30_000)), now)).toBe(true);
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET, new Date(now.getTime() - 90_000)), now)).toBe(false);
    expect(verifyTotp(RFC_SECRET, '12345', now)).toBe(false);
    expect(verifyTotp(RFC_SECRET, 'abcdef', now)).toBe(false);
  });

  it('gives the otpauth URI authenticator apps scan', () => {
    const url = new URL(otpauthUrl(RFC_SECRET, 'desk.operator', 'ULMS'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/ULMS:desk.operator');
    expect(url.searchParams.get('secret')).toBe(RFC_SECRET);
    expect(url.searchParams.get('issuer')).toBe('ULMS');
  });
});
