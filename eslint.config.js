// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const dbImportsForbidden = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'kysely', message: 'Only *.store.ts files and src/platform/db may talk to the database.' },
        { name: 'pg', message: 'Only *.store.ts files and src/platform/db may talk to the database.' },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Tests read JSON bodies; typing every response shape there adds nothing.
  { files: ['test/**/*.ts', 'src/**/*.test.ts', 'bench/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Rule 1 of the architecture: one gateway to the database.
  {
    files: ['src/**/*.ts', 'web/**/*.ts', 'web/**/*.tsx'],
    ignores: ['src/**/*.store.ts', 'src/platform/db/**', 'src/**/*.test.ts'],
    rules: dbImportsForbidden,
  },
);
