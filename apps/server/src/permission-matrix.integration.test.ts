import { builtInRoleCodes, describeProcedureGuards, permissionsOfRoles } from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from './app-router.js';
import { FIRST_ADMINISTRATOR_ROLES } from './cli/setup-command.js';
import { installedPlugins } from './installed-plugins.js';

type AnyCaller = Record<string, unknown>;

function procedureAt(caller: AnyCaller, path: string): (input?: unknown) => Promise<unknown> {
  return path.split('.').reduce<unknown>((node, key) => (node as AnyCaller)[key], caller) as (
    input?: unknown,
  ) => Promise<unknown>;
}

const guarded = describeProcedureGuards(appRouter).filter((p) => p.permission !== undefined);

describe('permission matrix: every guarded procedure against every shipped role', () => {
  const modules = installedPlugins.filter((p) => !p.core);
  let api: TestApi<typeof modules>;
  beforeAll(async () => {
    api = await startTestApi({ plugins: modules, institution: { modules: modules.map((p) => p.id) } });
  });
  afterAll(() => api.close());

  // Granting a role needs every permission it holds: the first administrator must hold them all to grant any role.
  it("gives the first administrator's roles every permission the installed plugins declare", () => {
    const administrator = permissionsOfRoles(FIRST_ADMINISTRATOR_ROLES, api.kernel.permissions);
    expect([...api.kernel.permissions.keys()].filter((name) => !administrator.has(name))).toEqual([]);
  });

  const cases = builtInRoleCodes.flatMap((role) => guarded.map((procedure) => ({ role, ...procedure })));

  it.each(cases)('$role on $path', async ({ role, path, permission }) => {
    const permissions = permissionsOfRoles([role], api.kernel.permissions);
    const caller = api.callerFor({ permissions }) as unknown as AnyCaller;
    // Guards run before input parsing, so an empty call tells a refusal from an allowed call.
    const outcome = await procedureAt(
      caller,
      path,
    )(undefined).then(
      () => 'allowed',
      (error: { code?: string; message?: string }) =>
        error.code === 'FORBIDDEN' && error.message === `missing permission "${permission}"` ? 'forbidden' : 'allowed',
    );
    expect(outcome).toBe(permissions.has(permission ?? '') ? 'allowed' : 'forbidden');
  });

  it('gives the Patron role no staff permission at all', () => {
    expect(permissionsOfRoles(['PATRON'], api.kernel.permissions).size).toBe(0);
  });
});
