import { hash, verify } from '@node-rs/argon2';
import type { FieldError } from '../contracts/field-error.js';

export const MIN_PASSWORD_LENGTH = 10;

/** Hashes a password with argon2id (the library's default algorithm). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

// Verifying against this keeps a failed sign-in for an unknown account as slow as for a known one.
const unknownAccountHash = hash('not-a-real-password-but-same-cost');

/** Spends the time of one verification, for accounts that do not exist. */
export async function verifyNothing(password: string): Promise<false> {
  await verify(await unknownAccountHash, password).catch(() => false);
  return false;
}

/** The password policy: broken rules as field errors, none when the password is acceptable. */
export function passwordPolicyErrors(password: string, username: string, field = 'password'): FieldError[] {
  const errors: FieldError[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) {
    errors.push({ field, message: `must be at least ${MIN_PASSWORD_LENGTH} characters` });
  }
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) {
    errors.push({ field, message: 'must not be the same as the username' });
  }
  return errors;
}
