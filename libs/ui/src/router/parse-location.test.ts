import { describe, expect, it } from 'vitest';
import { isActivePath, parseLocation, safeReturnPath } from './parse-location.js';

describe('parseLocation', () => {
  it('splits the path from the query and drops a trailing slash', () => {
    const route = parseLocation('/modules/?next=%2Fapi-keys');
    expect(route.path).toBe('/modules');
    expect(route.query.get('next')).toBe('/api-keys');
  });

  it('keeps the root path', () => {
    expect(parseLocation('/').path).toBe('/');
  });
});

describe('isActivePath', () => {
  it('matches the page and its children but not a sibling sharing a prefix', () => {
    expect(isActivePath('/users', '/users')).toBe(true);
    expect(isActivePath('/users/42', '/users')).toBe(true);
    expect(isActivePath('/users-archive', '/users')).toBe(false);
    expect(isActivePath('/modules', '/')).toBe(false);
  });
});

describe('safeReturnPath', () => {
  it('accepts app paths and refuses other sites', () => {
    expect(safeReturnPath('/api-keys?page=2')).toBe('/api-keys?page=2');
    expect(safeReturnPath('//evil.example')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
  });
});
