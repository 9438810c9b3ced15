import nx from '@nx/eslint-plugin';

const GUIDE = 'docs/writing-a-plugin.md';

/** The patterns refused in a module library or an institution plugin; tests may also use the harnesses. */
const modulePatterns = (tests) => [
  {
    regex: `^@ulms/(?!platform(/contracts${tests ? '|/testing' : ''})?$|ui$${tests ? '|modules/testing$' : ''})[a-z-]+(?!/contracts$)(/.*)?$`,
    message: `Import another module only through its "./contracts" entry; never the server app or the catalogue (${GUIDE}).`,
  },
];

/** For module libraries and institution plugins: another module only through its ./contracts entry. */
export const contractsOnly = {
  'no-restricted-imports': ['error', { patterns: modulePatterns(false) }],
};

/** The same in test files, which may also start the kernel's or the plugin harness. */
export const contractsOnlyInTests = {
  'no-restricted-imports': ['error', { patterns: modulePatterns(true) }],
};

/** A module's admin screens: no value from its server side (types, such as its router's, are erased). */
export const adminScreensOnly = {
  'no-restricted-imports': 'off',
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      patterns: [
        ...modulePatterns(false),
        {
          group: ['**/server/**', '**/rest/**', '**/files/**', '../index.js', '../../index.js'],
          allowTypeImports: true,
          message: `Admin screens run in the browser: import only types from the server side (${GUIDE}).`,
        },
        {
          regex: '^@ulms/platform$',
          allowTypeImports: true,
          message: `Admin screens run in the browser: values from @ulms/platform/contracts, types from @ulms/platform (${GUIDE}).`,
        },
      ],
    },
  ],
};

/** The rules every module library and institution plugin uses, by folder. */
export const moduleRules = [
  { files: ['**/*.ts', '**/*.tsx'], rules: contractsOnly },
  { files: ['**/*.test.ts', '**/*.test.tsx', '**/*test-server.ts', '**/testing/**'], rules: contractsOnlyInTests },
  { files: ['src/admin/**/*.ts', 'src/admin/**/*.tsx'], rules: adminScreensOnly },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/vitest.config.*.timestamp*', '**/node_modules'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      // A leading underscore names what is left out on purpose (a field dropped by destructuring, an unused argument).
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [
            '^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$',
            '@ulms/server/app-router',
            '@ulms/server/start-app',
            '@ulms/server/demo-seed',
            '@ulms/server/installed-plugins',
            '@ulms/server/build-server',
            '@ulms/server/create-staff-user',
          ],
          depConstraints: [
            { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: ['type:kernel'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:kernel'] },
            {
              sourceTag: 'type:module',
              onlyDependOnLibsWithTags: ['type:kernel', 'type:ui', 'type:module', 'type:catalogue'],
            },
            {
              sourceTag: 'type:plugin',
              onlyDependOnLibsWithTags: ['type:kernel', 'type:ui', 'type:module', 'type:catalogue'],
            },
            { sourceTag: 'type:catalogue', onlyDependOnLibsWithTags: ['type:kernel', 'type:module'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
];
