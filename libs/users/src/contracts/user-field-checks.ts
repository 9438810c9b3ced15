import { matchesLinearPattern } from './linear-pattern.js';

// Checks of single values the server runs on every save (tRPC and REST alike) and the admin forms run
// before sending: one function each, so both sides give the same answer and the same words.

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Whether `value` looks like an email address: something, @, a domain with a dot; no spaces. */
export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value);
}
export const invalidEmailMessage = 'is not a valid email address';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** Whether `code` is an ISO 639 language code ("en", "de", "haw"), as the reference's languages list holds. */
export function isLanguageCode(code: string): boolean {
  return /^[a-z]{2,3}$/.test(code) && languageNames.of(code) !== undefined;
}

/** How an identifier type's values must look, where the institution configures it (`identifierFormats`). */
export interface IdentifierFormat {
  /** An RE2 pattern the value must match (as `RegExp.test` does: anchor it with ^…$ to match the whole value). */
  readonly pattern?: string;
  /** A check digit the value must carry. */
  readonly checksum?: 'orcid';
}

const ORCID = /^(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])$/i;

/** The ISO 7064 MOD 11-2 check digit (0-9 or X) of an ORCID iD's first 15 digits. */
export function orcidCheckDigit(first15: string): string {
  let total = 0;
  for (const digit of first15) total = (total + Number(digit)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

/** Whether `value` is an ORCID iD (0000-0002-1825-0097, hyphens optional) ending in its check digit. */
export function isOrcid(value: string): boolean {
  const parts = ORCID.exec(value.trim());
  if (!parts) return false;
  const digits = parts.slice(1).join('').toUpperCase();
  return digits[15] === orcidCheckDigit(digits.slice(0, 15));
}

/** What is wrong with `value` for an identifier type of `format`, or null when nothing is. */
export function identifierFormatError(value: string, format: IdentifierFormat | undefined): string | null {
  if (!format || !value) return null;
  if (format.pattern && !matchesLinearPattern(format.pattern, value))
    return 'does not have the format this institution requires for this identifier type';
  if (format.checksum === 'orcid' && !isOrcid(value))
    return 'is not a valid ORCID iD (16 digits such as 0000-0002-1825-0097, the last one a check digit)';
  return null;
}
