import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

const STEP_SECONDS = 30;

/** A new random TOTP secret (160 bits, base32) as authenticator apps expect. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The 6-digit RFC 6238 code of `secret` for the 30-second step containing `at`. */
export function totpCode(secret: string, at: Date): string {
  return generateSync({ secret, period: STEP_SECONDS, epoch: Math.floor(at.getTime() / 1000) });
}

/** Accepts the code of the current step or one step either side, to allow for clock drift. */
export function verifyTotp(secret: string, code: string, now = new Date()): boolean {
  try {
    return verifySync({
      secret,
      token: code,
      period: STEP_SECONDS,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: STEP_SECONDS,
    }).valid;
  } catch {
    // otplib throws on a malformed code (wrong length, non-digits); that is simply a wrong code.
    return false;
  }
}

export function otpauthUrl(secret: string, account: string, issuer: string): string {
  return generateURI({ issuer, label: account, secret, algorithm: 'sha1', digits: 6, period: STEP_SECONDS });
}
