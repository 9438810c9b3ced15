import nx from '@nx/eslint-plugin';

/** For module libraries and institution plugins: another module only through its ./contracts entry. */
export const contractsOnly = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          regex: '^@ulms/(?!platform(/contracts|/testing)?$|ui$|server/app-router$)[a-z-]+(?!/contracts$)(/.*)?$',
          message: 'Import another module only through its "./contracts" entry (ARCHITECTURE.md).',
        },
      ],
    },
  ],
};

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
          ],
          depConstraints: [
            { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: ['type:kernel'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:kernel'] },
            { sourceTag: 'type:module', onlyDependOnLibsWithTags: ['type:kernel', 'type:ui', 'type:module'] },
            { sourceTag: 'type:plugin', onlyDependOnLibsWithTags: ['type:kernel', 'type:module'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
    },
  },
];
