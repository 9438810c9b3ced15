import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    ignores: ['**/out-tsc'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^@ulms/(?!platform(/.*)?$)', message: 'The kernel depends on no module and no app.' }],
        },
      ],
    },
  },
];
