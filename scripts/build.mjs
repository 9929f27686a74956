// Bundles the extension, the language server, the CLI and the in-editor test suite with esbuild.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { VERSION: JSON.stringify(version) },
};

// Each CLI command is a bundle of its own that dist/cli.js loads when the command runs: `lint` in CI then loads
// the zone core alone, not the emulator, the HTTP client and the language server.
const cliCommands = ['lint', 'sync', 'emulator', 'lsp'];
const cliCommandsApart = {
  name: 'cli-commands-apart',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/[a-z]+\.js$/ }, (args) => {
      const command = args.path.slice(2, -3);
      if (!args.importer.endsWith(join('cli', 'src', 'main.ts')) || !cliCommands.includes(command)) return undefined;
      return { path: `./cli-${command}.js`, external: true };
    });
  },
};

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  // Without dynamic import, esbuild turns import() into require(): Node's ESM loader would cost more than it saves.
  { in: 'cli/src/main.ts', out: 'dist/cli.js', plugins: [cliCommandsApart], supported: { 'dynamic-import': false } },
  ...cliCommands.map((command) => ({ in: `cli/src/${command}.ts`, out: `dist/cli-${command}.js` })),
  { in: 'test/integration/index.ts', out: 'dist/test/integration/index.js', external: ['vscode', 'mocha'] },
];

mkdirSync('dist', { recursive: true });
await Promise.all(
  entries
    .filter((entry) => existsSync(entry.in))
    .map((entry) =>
      build({
        ...common,
        entryPoints: [entry.in],
        outfile: entry.out,
        external: entry.external ?? [],
        plugins: entry.plugins ?? [],
        supported: entry.supported ?? {},
      }),
    ),
);
