// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import moduleBoundaries from './eslint/module-boundaries.js';

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
  // Module boundaries: a store touches its own tables, the organisation's, and the named crossings.
  {
    files: ['src/modules/**/*.store.ts'],
    plugins: { samenplan: { rules: { 'module-boundaries': moduleBoundaries } } },
    rules: {
      'samenplan/module-boundaries': 'error',
      // The need-to-know scope is set by the platform for the whole transaction (ADR 0011); a store never changes it.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TemplateElement[value.raw=/set_config|current_setting|\\bSET\\s+(LOCAL\\s+|SESSION\\s+)?(ROLE|samenplan\\.)|RESET\\s/i]',
          message: 'Stores do not change the session or its settings: the platform sets the scope per transaction (src/platform/db/transaction.ts).',
        },
      ],
    },
  },
  // Rule 1 of the architecture: one gateway to the database.
  {
    files: ['src/**/*.ts', 'web/**/*.ts', 'web/**/*.tsx'],
    ignores: ['src/**/*.store.ts', 'src/platform/db/**', 'src/**/*.test.ts'],
    rules: dbImportsForbidden,
  },
);
