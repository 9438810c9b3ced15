import { describe, expect, it } from 'vitest';
import { isPattern, matchPath } from './match-path.js';

describe('matchPath', () => {
  it('matches static paths exactly', () => {
    expect(matchPath('/users', '/users')).toEqual({});
    expect(matchPath('/users', '/users/1')).toBeNull();
  });

  it('takes one segment per parameter, decoded', () => {
    expect(matchPath('/users/:id', '/users/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/users/:id', '/users')).toBeNull();
    expect(matchPath('/users/:id', '/users/1/notes')).toBeNull();
  });

  it('refuses a malformed escape instead of throwing', () => {
    expect(matchPath('/users/:id', '/users/%E0%A4%A')).toBeNull();
  });

  it('tells patterns from static paths', () => {
    expect(isPattern('/users/:id')).toBe(true);
    expect(isPattern('/users/new')).toBe(false);
  });
});
