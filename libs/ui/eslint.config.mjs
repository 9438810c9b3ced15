import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    ignores: ['**/out-tsc'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@ulms/(?!platform/contracts$|ui$)',
              message: 'The UI kit uses only the kernel contracts: no module, no server code, no app.',
            },
          ],
        },
      ],
    },
  },
];
