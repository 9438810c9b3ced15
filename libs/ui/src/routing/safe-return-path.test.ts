import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './safe-return-path.js';

describe('safeReturnPath', () => {
  it('accepts app paths with their query', () => {
    expect(safeReturnPath('/api-keys?page=2')).toBe('/api-keys?page=2');
    expect(safeReturnPath('/users/42')).toBe('/users/42');
  });

  it('refuses other sites, relative paths and anything not a string', () => {
    expect(safeReturnPath('//evil.example')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath('users')).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
    expect(safeReturnPath(42)).toBe('/');
  });
});
