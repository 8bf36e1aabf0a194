// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Type-aware lint for the whole project, with the process boundaries enforced as import rules. */
export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.tools/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'bin/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      // Stylistic rules of strictTypeChecked that fight common event-handler shorthand.
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/**', '**/core/**', '**/cli/**', 'electron', 'electron/*'], message: 'The renderer may not import main-process code.' },
            { group: ['node:*'], message: 'The renderer has no Node.' },
          ],
        },
      ],
    },
  },
  {
    // Main-process code (the Electron glue) may not import the renderer.
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'Main-process code may not import the renderer.' }] },
      ],
    },
  },
  {
    // The core and the CLI run under plain Node: Electron reaches them only through parameters.
    files: ['core/**/*.ts', 'cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Electron-free module: take what Electron offers through the platform interface.' },
          ],
          patterns: [
            { group: ['**/renderer/**'], message: 'Main-process code may not import the renderer.' },
            { group: ['**/electron/**'], message: 'The core and the CLI may not import the Electron glue.' },
          ],
        },
      ],
    },
  },
  {
    // Code both sides import: no Electron, no Node built-ins, no main-side or renderer code.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ runs in the renderer too.' }],
          patterns: [
            { group: ['node:*'], message: 'shared/ runs in the renderer too: no Node built-ins.' },
            { group: ['**/core/**', '**/electron/**', '**/renderer/**', '**/cli/**'], message: 'shared/ imports only shared/ and zod.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**', 'demo/**', 'scripts/**', 'cli/**', 'bin/**'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // expect.any() and friends are typed any by vitest.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
