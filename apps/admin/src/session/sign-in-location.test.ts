import { describe, expect, it } from 'vitest';
import { signInLocation } from './sign-in-location.js';

describe('signInLocation', () => {
  it('remembers the page to come back to and why', () => {
    expect(signInLocation('/api-keys?page=2', 'expired')).toBe('/sign-in?next=%2Fapi-keys%3Fpage%3D2&reason=expired');
  });

  it('stays short for the home page and never points back at sign-in', () => {
    expect(signInLocation('/')).toBe('/sign-in');
    expect(signInLocation('/sign-in?next=%2Fmodules')).toBe('/sign-in');
  });
});
