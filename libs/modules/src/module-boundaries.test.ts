import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lint is what keeps modules apart: each probe is linted as if it were a file of the named project.
const root = resolve(import.meta.dirname, '../../..');

async function refusals(project: string, file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: resolve(root, project) });
  const [result] = await eslint.lintText(code, { filePath: resolve(root, project, file) });
  return (
    result?.messages
      .filter((m) => m.ruleId?.endsWith('no-restricted-imports') || m.ruleId === '@nx/enforce-module-boundaries')
      .map((m) => m.message) ?? []
  );
}

describe('module boundaries', () => {
  it("refuses another module's server or admin entry, the server app and the catalogue in a module", async () => {
    for (const entry of ['@ulms/fines', '@ulms/fines/admin', '@ulms/server/app-router', '@ulms/modules']) {
      expect(await refusals('libs/users', 'src/server/probe.ts', `export type { A } from '${entry}';\n`)).not.toEqual(
        [],
      );
    }
  });

  it("allows another module's contracts and the kernel in a module", async () => {
    const code = "export type { A } from '@ulms/users/contracts';\nexport type { B } from '@ulms/platform';\n";
    expect(await refusals('libs/fines', 'src/server/probe.ts', code)).toEqual([]);
  });

  it('lets tests, and only tests, use the harnesses', async () => {
    const code = "export { startTestApi } from '@ulms/platform/testing';\n";
    expect(await refusals('libs/users', 'src/server/probe.test.ts', code)).toEqual([]);
    expect(await refusals('libs/users', 'src/server/probe.ts', code)).not.toEqual([]);
  });

  it("keeps a module's admin screens off its server code, types aside", async () => {
    const value = "export { usersPlugin } from '../server/users.plugin.js';\n";
    const type = "export type { usersPlugin } from '../server/users.plugin.js';\n";
    expect(await refusals('libs/users', 'src/admin/probe.ts', value)).toHaveLength(1);
    expect(await refusals('libs/users', 'src/admin/probe.ts', type)).toEqual([]);
    expect(
      await refusals('libs/users', 'src/admin/probe.ts', "export { startKernel } from '@ulms/platform';\n"),
    ).toHaveLength(1);
  });

  it('keeps the kernel free of modules and apps', async () => {
    for (const entry of ['@ulms/users/contracts', '@ulms/server/app-router']) {
      expect(await refusals('libs/platform', 'src/probe.ts', `export type { A } from '${entry}';\n`)).not.toEqual([]);
    }
  });

  it("keeps the admin app to modules' admin and contracts entries and the router's type", async () => {
    expect(await refusals('apps/admin', 'src/probe.ts', "export { usersPlugin } from '@ulms/users';\n")).not.toEqual(
      [],
    );
    expect(
      await refusals('apps/admin', 'src/probe.ts', "export { startApp } from '@ulms/server/start-app';\n"),
    ).not.toEqual([]);
    expect(
      await refusals('apps/admin', 'src/probe.ts', "export { appRouter } from '@ulms/server/app-router';\n"),
    ).not.toEqual([]);
    const allowed = "export type { AppRouter } from '@ulms/server/app-router';\nexport { Link } from '@ulms/ui';\n";
    expect(await refusals('apps/admin', 'src/probe.ts', allowed)).toEqual([]);
  });
});
