import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', '.palisade/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          // Mastodon ids exceed 2^53; converting them to numbers silently corrupts them.
          selector: "CallExpression[callee.name=/^(parseInt|Number)$/] > Identifier[name=/[iI]d$/]",
          message: 'Mastodon ids are 64-bit: keep them as strings.',
        },
      ],
    },
  },
];

export default config;
