import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (group, message) => ({ 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', '.vscode-test/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['server/src/zone/**/*.ts'],
    rules: layer(
      [
        'vscode',
        'vscode-languageserver',
        'vscode-languageserver/*',
        '**/client/**',
        '**/cli/**',
        '**/emulator/**',
        '../*.ts',
        '../server*',
      ],
      'The zone core is pure: no editor, LSP runtime or other project imports.',
    ),
  },
  {
    files: ['server/src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['client/src/cloudflare/**/*.ts'],
    rules: layer(
      ['vscode', '**/client/src/*.ts', '**/commands/**', '**/views/**', '**/emulator/**'],
      'The Cloudflare client knows HTTP, not VS Code.',
    ),
  },
  {
    files: ['emulator/src/**/*.ts'],
    rules: layer(['vscode', '**/client/**', '**/cli/**'], 'The emulator depends on the zone core only.'),
  },
  {
    files: ['client/src/**/*.ts'],
    ignores: ['client/src/cloudflare/**'],
    rules: layer(
      ['undici', 'node:http', 'node:https', 'http', 'https'],
      'VS Code code talks to Cloudflare through client/src/cloudflare only.',
    ),
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { projectService: false }, globals: globals.node },
  },
  {
    files: ['bin/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
