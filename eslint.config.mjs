import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (group, message) => ({ 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] });
const packages = ['core', 'cloudflare', 'protocol', 'server', 'client', 'cli', 'emulator'];
/** Node modules that do I/O or know the host's paths (node:crypto stays: hashing is pure). */
const nodeIo = ['fs', 'path', 'child_process', 'http', 'https', 'net', 'os', 'url'].flatMap((name) => [
  name,
  `node:${name}`,
]);
/** Import patterns that reach a package other than `allowed` ones. */
const outside = (...allowed) => packages.filter((name) => !allowed.includes(name)).map((name) => `**/${name}/src/**`);
/** Import patterns that reach into a package past its index (`core/src/index` is its one face). */
const inner = (name) => [`**/${name}/src/!(index)`, `**/${name}/src/*/**`];

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
  // The arrows between the packages (server -> core, protocol; client -> core, cloudflare, protocol, and emulator from
  // localEmulator.ts only; emulator -> core, cloudflare/api; cli -> all), each package entered through its index only.
  {
    files: ['core/src/**/*.ts'],
    rules: layer(
      ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', ...nodeIo, ...outside('core')],
      'The zone core is pure: no editor, LSP runtime, file system, path or network, no other package (I/O is passed in).',
    ),
  },
  {
    files: ['cloudflare/src/**/*.ts'],
    rules: layer(
      ['vscode', 'vscode-languageserver', ...outside('cloudflare', 'core'), ...inner('core')],
      'The Cloudflare library knows HTTP and the zone core (through its index), not VS Code or the other packages.',
    ),
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      'no-console': 'error',
      ...layer(
        ['vscode', 'undici', ...outside('server', 'core', 'protocol'), ...inner('core'), ...inner('protocol')],
        'The language server reads the zone core and the protocol through their indexes, and nothing of Cloudflare.',
      ),
    },
  },
  {
    files: ['protocol/src/**/*.ts'],
    rules: layer(
      ['vscode', 'vscode-languageserver', 'undici', 'node:*', ...outside('protocol')],
      'The protocol module only names what client and server say to each other.',
    ),
  },
  {
    files: ['emulator/src/**/*.ts'],
    rules: layer(
      [
        'vscode',
        ...outside('emulator', 'core', 'cloudflare'),
        ...inner('core'),
        '**/cloudflare/src/index',
        '**/cloudflare/src/sync/**',
        '**/cloudflare/src/api/!(index)',
      ],
      'The emulator depends on the zone core and on the types of cloudflare/src/api, through their indexes.',
    ),
  },
  {
    files: ['client/src/**/*.ts'],
    rules: layer(
      [
        'undici',
        'node:http',
        'node:https',
        'http',
        'https',
        ...outside('client', 'core', 'cloudflare', 'protocol'),
        ...inner('core'),
        ...inner('cloudflare'),
        ...inner('protocol'),
      ],
      'VS Code code talks to Cloudflare through the cloudflare package, and reads each package through its index.',
    ),
  },
  {
    // "Try with the local emulator" runs the emulator in the extension host: this one file may start it.
    files: ['client/src/localEmulator.ts'],
    rules: layer(
      [
        'undici',
        'node:http',
        'node:https',
        'http',
        'https',
        ...outside('client', 'core', 'cloudflare', 'protocol', 'emulator'),
        ...inner('core'),
        ...inner('cloudflare'),
        ...inner('protocol'),
        ...inner('emulator'),
      ],
      'The local emulator is started through the emulator index only.',
    ),
  },
  {
    files: ['cli/src/**/*.ts'],
    rules: layer(
      [...inner('core'), ...inner('cloudflare'), ...inner('protocol'), '**/client/**'],
      'The CLI reads each package through its index, and nothing of the VS Code client.',
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
