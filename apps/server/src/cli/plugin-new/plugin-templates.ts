import type { PluginNames } from './plugin-names.js';

/** Every file of a new plugin, by path inside its folder. */
export function pluginFiles(n: PluginNames): Record<string, string> {
  return {
    'package.json': packageJson(n),
    'README.md': readme(n),
    'eslint.config.mjs': eslintConfig,
    'vitest.config.mts': vitestConfig(n),
    'tsconfig.json': tsconfig,
    'tsconfig.lib.json': tsconfigLib,
    'tsconfig.admin.json': tsconfigAdmin,
    'tsconfig.spec.json': tsconfigSpec,
    'src/index.ts': serverEntry(n),
    'src/contracts/index.ts': contracts(n),
    [`src/server/${n.id}.plugin.ts`]: plugin(n),
    [`src/server/${n.id}.router.ts`]: router(n),
    'src/server/last-name-length.validator.ts': validator(n),
    [`src/server/${n.id}.integration.test.ts`]: test(n),
    'src/admin/index.ts': adminEntry(n),
    [`src/admin/${n.id}-admin-router.ts`]: adminRouter(n),
    [`src/admin/${n.id}-tab.tsx`]: tab(n),
  };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const packageJson = (n: PluginNames) =>
  json({
    name: `@ulms/${n.id}`,
    version: '0.0.1',
    private: true,
    type: 'module',
    exports: {
      '.': { types: './src/index.ts', default: './src/index.ts' },
      './contracts': { types: './src/contracts/index.ts', default: './src/contracts/index.ts' },
      './admin': { types: './src/admin/index.ts', default: './src/admin/index.ts' },
      './package.json': './package.json',
    },
    nx: { name: n.id, tags: [`scope:${n.id}`, 'type:plugin'] },
    dependencies: { '@ulms/platform': '*', '@ulms/users': '*', '@ulms/ui': '*', '@ulms/modules': '*' },
  });

const eslintConfig = `import baseConfig, { moduleRules } from '../../eslint.config.mjs';

export default [...baseConfig, ...moduleRules];
`;

const vitestConfig = (n: PluginNames) => `import { defineConfig } from 'vitest/config';

export default defineConfig(() => ({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/plugins/${n.id}',
  test: {
    name: '${n.id}',
    watch: false,
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
}));
`;

const tsconfig = json({
  extends: '../../tsconfig.base.json',
  files: [],
  include: [],
  references: [{ path: './tsconfig.lib.json' }, { path: './tsconfig.admin.json' }, { path: './tsconfig.spec.json' }],
});

const tsconfigLib = json({
  extends: '../../tsconfig.base.json',
  compilerOptions: {
    rootDir: 'src',
    outDir: 'dist',
    tsBuildInfoFile: 'dist/tsconfig.lib.tsbuildinfo',
    emitDeclarationOnly: true,
    forceConsistentCasingInFileNames: true,
    types: ['node'],
  },
  include: ['src/**/*.ts'],
  exclude: ['src/admin/**', 'src/**/*.test.ts'],
  references: [{ path: '../../libs/platform/tsconfig.lib.json' }, { path: '../../libs/users/tsconfig.lib.json' }],
});

const tsconfigAdmin = json({
  extends: '../../tsconfig.base.json',
  compilerOptions: {
    rootDir: 'src/admin',
    outDir: 'dist/admin',
    tsBuildInfoFile: 'dist/tsconfig.admin.tsbuildinfo',
    emitDeclarationOnly: true,
    forceConsistentCasingInFileNames: true,
    jsx: 'react-jsx',
    lib: ['es2022', 'dom', 'dom.iterable'],
    types: ['vite/client'],
  },
  include: ['src/admin/**/*.ts', 'src/admin/**/*.tsx'],
  exclude: ['src/admin/**/*.test.ts', 'src/admin/**/*.test.tsx'],
  references: [
    { path: './tsconfig.lib.json' },
    { path: '../../libs/ui/tsconfig.lib.json' },
    { path: '../../libs/platform/tsconfig.lib.json' },
    { path: '../../libs/users/tsconfig.lib.json' },
  ],
});

const tsconfigSpec = json({
  extends: '../../tsconfig.base.json',
  compilerOptions: { outDir: './out-tsc/vitest', types: ['vitest/importMeta', 'node', 'vitest'] },
  include: ['vitest.config.mts', 'src/**/*.test.ts'],
  references: [
    { path: './tsconfig.lib.json' },
    { path: '../../libs/platform/tsconfig.lib.json' },
    { path: '../../libs/modules/tsconfig.lib.json' },
  ],
});

const readme = (n: PluginNames) => `# ${n.title}

An institution plugin of ULMS, made with \`npx ulms plugin new ${n.id}\`. As generated it refuses a user whose
last name is shorter than the institution configured (\`minimumLastNameLength\`, default 2), answers
\`${n.camel}.settings\` over tRPC, and adds a "${n.title}" tab to User Details. Replace the rule with yours.

- Install it: add \`${n.camel}Plugin\` (from \`@ulms/${n.id}\`) to \`apps/server/src/installed-plugins.ts\`. The admin
  app finds \`src/admin/index.ts\` by itself.
- Enable it for an institution on the Modules page (or \`npx ulms institution enable-module --institution CODE --module ${n.id}\`) and set its
  configuration there; institutions that do not enable it are not affected.
- Test: \`npx vitest run plugins/${n.id}\`; lint and typecheck: \`npx nx run-many -t lint typecheck -p ${n.id}\`.

| file                                     | what it is                                                       |
| ---------------------------------------- | ---------------------------------------------------------------- |
| \`src/contracts/index.ts\`                 | id, permission names and configuration schema (browser-safe)     |
| \`src/server/${n.id}.plugin.ts\`           | the plugin: permissions, router, contributions                   |
| \`src/server/${n.id}.router.ts\`           | its tRPC procedures                                              |
| \`src/server/last-name-length.validator.ts\` | the rule, reading the institution's configuration              |
| \`src/server/${n.id}.integration.test.ts\` | tests on the harness, for an institution with and one without it |
| \`src/admin/index.ts\`                     | its screens: a User Details tab                                  |

The guide: \`docs/writing-a-plugin.md\`.
`;

const serverEntry = (
  n: PluginNames,
) => `// Server entry of the ${n.id} plugin; the browser and other modules use ./contracts.
export * from './contracts/index.js';
export { ${n.camel}Plugin } from './server/${n.id}.plugin.js';
`;

const contracts = (n: PluginNames) => `import { z } from 'zod';

/** The id institutions enable this plugin by. */
export const ${n.camel}Module = '${n.id}';

/** What this plugin lets staff do, by permission name (\`<plugin>.<resource>.<action>\`). */
export const ${n.camel}Permissions = {
  settingsRead: '${n.id}.settings.read',
} as const;

/** Per-institution configuration, edited on the Modules page; the defaults fill what an institution leaves out. */
export const ${n.camel}Config = z.object({
  minimumLastNameLength: z.number().int().min(1).max(50).default(2),
});
export type ${n.pascal}Config = z.output<typeof ${n.camel}Config>;
`;

const plugin = (n: PluginNames) => `import { definePlugin, pluginConfigRef } from '@ulms/platform';
import { usersExtensionPoints } from '@ulms/users/contracts';
import { type ${n.pascal}Config, ${n.camel}Config, ${n.camel}Module, ${n.camel}Permissions } from '../contracts/index.js';
import { lastNameLengthValidator } from './last-name-length.validator.js';
import { ${n.camel}Router } from './${n.id}.router.js';

export const ${n.camel}Plugin = definePlugin({
  id: ${n.camel}Module,
  title: '${n.title}',
  dependsOn: ['users'],
  configSchema: ${n.camel}Config,
  permissions: {
    [${n.camel}Permissions.settingsRead]: {
      description: "See this institution's ${n.title.toLowerCase()} settings",
      roles: ['GENERAL_SYSTEM_ADMINISTRATOR', 'USER_ADMINISTRATOR', 'USER_MANAGER'],
    },
  },
  router: ${n.camel}Router,
  register(env) {
    env.contributeWith(usersExtensionPoints.validators, {
      deps: { config: pluginConfigRef<${n.pascal}Config>() },
      factory: ({ config }) => lastNameLengthValidator(config),
    });
  },
});
`;

const router = (n: PluginNames) => `import { protectedProcedure, tenancyServices } from '@ulms/platform';
import { type ${n.pascal}Config, ${n.camel}Module, ${n.camel}Permissions } from '../contracts/index.js';

export const ${n.camel}Router = {
  /** The caller's institution's configuration of this plugin, defaults filled in. */
  settings: protectedProcedure(${n.camel}Module, ${n.camel}Permissions.settingsRead).query(({ ctx }) =>
    ctx.services.get(tenancyServices.modules).config<${n.pascal}Config>(ctx.institution.id, ${n.camel}Module),
  ),
};
`;

const validator = (n: PluginNames) => `import type { PluginConfig } from '@ulms/platform';
import type { UserValidator } from '@ulms/users/contracts';
import type { ${n.pascal}Config } from '../contracts/index.js';

/** Refuses a last name shorter than the institution's \`minimumLastNameLength\`. */
export function lastNameLengthValidator(config: PluginConfig<${n.pascal}Config>): UserValidator {
  return {
    id: '${n.id}.last-name-length',
    async validate(user, { institutionId }) {
      const { minimumLastNameLength } = await config.for(institutionId);
      const lastName = user.lastName ?? '';
      return lastName.length < minimumLastNameLength
        ? [{ field: 'lastName', message: \`must have at least \${minimumLastNameLength} characters\` }]
        : [];
    },
  };
}
`;

const test = (n: PluginNames) => `import { startTestApi } from '@ulms/modules/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ${n.camel}Module } from '../contracts/index.js';
import { ${n.camel}Plugin } from './${n.id}.plugin.js';

type Api = Awaited<ReturnType<typeof startTestApi<readonly [typeof ${n.camel}Plugin]>>>;
type Caller = Api['caller'];

let api: Api;
let elsewhere: Caller;

const userNamed = (lastName: string) =>
  ({ recordType: 'PUBLIC', primaryId: \`id-\${lastName}\`, firstName: 'Test', lastName, userGroup: 'UG' }) as const;
const addUserGroup = (caller: Caller) =>
  caller.users.codeTables.save({ table: 'USER_GROUP', code: 'UG', description: 'Undergraduates' });

beforeAll(async () => {
  // The harness starts the users module this plugin depends on and enables both for api.institution.
  api = await startTestApi({ plugins: [${n.camel}Plugin] });
  await api.caller.platform.modules.configure({ moduleId: ${n.camel}Module, config: { minimumLastNameLength: 3 } });
  await addUserGroup(api.caller);

  const other = await api.createInstitution({ modules: ['users'] });
  elsewhere = api.callerFor({ institutionId: other.id, permissions: new Set(api.kernel.permissions.keys()) });
  await addUserGroup(elsewhere);
});
afterAll(() => api.close());

describe('${n.title}', () => {
  it('refuses a last name shorter than the institution configured', async () => {
    await expect(api.caller.users.create(userNamed('Li'))).rejects.toThrow('lastName: must have at least 3 characters');
    expect((await api.caller.users.create(userNamed('Lee'))).status).toBe('saved');
  });

  it('leaves an institution that has not enabled it alone', async () => {
    expect((await elsewhere.users.create(userNamed('Li'))).status).toBe('saved');
  });

  it("answers the institution's settings to staff allowed to read them", async () => {
    expect(await api.caller.${n.camel}.settings()).toEqual({ minimumLastNameLength: 3 });
    await expect(elsewhere.${n.camel}.settings()).rejects.toThrow(/not enabled/);
  });
});
`;

const adminEntry = (n: PluginNames) => `import { contribute, defineAdminPlugin } from '@ulms/ui';
import { usersAdminExtensionPoints } from '@ulms/users/contracts';
import { ${n.camel}Module, ${n.camel}Permissions } from '../contracts/index.js';
import { ${n.pascal}Tab } from './${n.id}-tab.js';

/** What this plugin shows in the admin app, where an institution has enabled it. */
export const adminPlugin = defineAdminPlugin({
  moduleId: ${n.camel}Module,
  title: '${n.title}',
  routes: [],
  contributions: [
    contribute(usersAdminExtensionPoints.userRecordTabs, {
      id: '${n.id}',
      label: '${n.title}',
      permission: ${n.camel}Permissions.settingsRead,
      component: ${n.pascal}Tab,
    }),
  ],
});
`;

const adminRouter = (n: PluginNames) => `import type { composeRouter } from '@ulms/platform';
import type { ${n.camel}Plugin } from '../server/${n.id}.plugin.js';

/** The part of the app's tRPC router these screens call; a type only, so no server code reaches the browser. */
export type ${n.pascal}AdminRouter = ReturnType<typeof composeRouter<readonly [typeof ${n.camel}Plugin]>>;
`;

const tab = (n: PluginNames) => `import { useQuery } from '@tanstack/react-query';
import { useAdminTrpc } from '@ulms/ui';
import type { ${n.pascal}AdminRouter } from './${n.id}-admin-router.js';

/** The User Details tab: what this plugin checks on the user's record in this institution. */
export function ${n.pascal}Tab({ userId }: { readonly userId: string }) {
  const trpc = useAdminTrpc<${n.pascal}AdminRouter>();
  const settings = useQuery(trpc.${n.camel}.settings.queryOptions());
  if (settings.isPending) return <p>Loading…</p>;
  if (settings.isError) return <p role="alert">{settings.error.message}</p>;
  return (
    <section aria-label="${n.title}" data-user-id={userId}>
      <p>Last names need at least {settings.data.minimumLastNameLength} characters in this institution.</p>
    </section>
  );
}
`;
