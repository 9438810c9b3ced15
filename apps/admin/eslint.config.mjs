import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    ignores: ['**/out-tsc', '**/dist'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@ulms/server/app-router$',
              allowTypeImports: true,
              message: 'The admin app takes only the router type from the server.',
            },
            {
              regex:
                '^@ulms/(?!platform/contracts$|ui(/ui\\.css)?$|server/app-router$)[a-z-]+(?!/(contracts|admin)$)(/.*)?$',
              message: "The admin app runs in the browser: modules' ./admin and ./contracts entries only.",
            },
          ],
        },
      ],
    },
  },
];
