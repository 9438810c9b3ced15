import { describeProcedureGuards } from '@ulms/platform';
import { describe, expect, it } from 'vitest';
import { appRouter } from './app-router.js';

// Reachable without signing in: they are how one signs in, or they answer "not signed in" themselves.
const PUBLIC = new Set(['auth.signIn', 'auth.verifyMfa', 'auth.signOut', 'auth.session', 'auth.signInOptions']);
// The caller's own account: signed in is the only requirement (a forced password change must work).
const SELF_SERVICE = new Set(['auth.changePassword', 'auth.mfa.start', 'auth.mfa.confirm', 'auth.mfa.disable']);

describe('the root router', () => {
  const procedures = describeProcedureGuards(appRouter);

  it('has the procedures the allow-lists name', () => {
    const paths = new Set(procedures.map((p) => p.path));
    for (const path of [...PUBLIC, ...SELF_SERVICE]) expect(paths).toContain(path);
  });

  it.each(procedures.filter((p) => !PUBLIC.has(p.path) && !SELF_SERVICE.has(p.path)))(
    '$path resolves the institution, checks its module and a permission',
    (procedure) => {
      expect([...procedure.guards].sort()).toEqual(['institution', 'module', 'permission']);
      expect(procedure.permission).toMatch(/^[a-z-]+\.[a-z-]+\.[a-z-]+$/);
    },
  );

  it('screens the raw input of every procedure for characters XML 1.0 forbids, before anything else', () => {
    expect(procedures.filter((p) => !p.screensInput).map((p) => p.path)).toEqual([]);
  });

  it.each([...SELF_SERVICE])('%s requires a signed-in caller', (path) => {
    expect([...(procedures.find((p) => p.path === path)?.guards ?? [])]).toEqual(['authenticated']);
  });
});
