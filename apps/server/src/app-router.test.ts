import { describeProcedureGuards } from '@ulms/platform';
import { describe, expect, it } from 'vitest';
import { appRouter } from './app-router.js';

// Procedures anyone may call: signing in and the like. Everything else must pass every guard.
const PUBLIC_PROCEDURES = new Set<string>([]);

describe('the root router', () => {
  const procedures = describeProcedureGuards(appRouter);

  it('has procedures', () => {
    expect(procedures.length).toBeGreaterThan(0);
  });

  it.each(procedures.filter((p) => !PUBLIC_PROCEDURES.has(p.path)))(
    '$path resolves the institution, checks its module and a permission',
    (procedure) => {
      expect([...procedure.guards].sort()).toEqual(['institution', 'module', 'permission']);
      expect(procedure.permission).toMatch(/^[a-z-]+\.[a-z-]+\.[a-z-]+$/);
    },
  );
});
