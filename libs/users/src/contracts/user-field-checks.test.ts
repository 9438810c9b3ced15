import { describe, expect, it } from 'vitest';
import { identifierFormatError, isEmailAddress, isLanguageCode, isOrcid } from './user-field-checks.js';

describe('the checks the server and the admin forms share', () => {
  it('takes email addresses and refuses what is not one', () => {
    for (const good of ['ada@example.org', 'a.b+c@uni.example.ac.uk']) expect(isEmailAddress(good)).toBe(true);
    for (const bad of ['ada', 'ada@example', '@example.org', 'ada @example.org', 'ada@@example.org'])
      expect(isEmailAddress(bad)).toBe(false);
  });

  it('knows language codes', () => {
    for (const good of ['en', 'de', 'fr', 'haw']) expect(isLanguageCode(good)).toBe(true);
    for (const bad of ['xx', 'EN', 'english', 'e', '']) expect(isLanguageCode(bad)).toBe(false);
  });

  it('checks the ORCID check digit (ISO 7064 MOD 11-2)', () => {
    // ORCID's own examples, one ending in the check "digit" X.
    for (const good of ['0000-0002-1825-0097', '0000-0001-5109-3700', '0000-0002-1694-233X', '000000021694233x'])
      expect(isOrcid(good)).toBe(true);
    for (const bad of ['0000-0002-1825-0098', '0000-0002-1694-2339', '0000-0002-1825-009', 'abcd-0002-1825-0097'])
      expect(isOrcid(bad)).toBe(false);
  });

  it("applies an identifier type's pattern and checksum", () => {
    expect(identifierFormatError('0000-0002-1825-0097', { checksum: 'orcid' })).toBeNull();
    expect(identifierFormatError('0000-0002-1825-0098', { checksum: 'orcid' })).toMatch(/not a valid ORCID/);
    expect(identifierFormatError('B12345', { pattern: '^B\\d{5}$' })).toBeNull();
    expect(identifierFormatError('12345', { pattern: '^B\\d{5}$' })).toMatch(/format/);
    expect(identifierFormatError('anything', undefined)).toBeNull();
  });
});
