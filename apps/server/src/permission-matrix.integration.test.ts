import { builtInRoleCodes, describeProcedureGuards, permissionsOfRoles } from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from './app-router.js';
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
