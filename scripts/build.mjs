// Bundles the extension, the language server, the CLI and the in-editor test suite with esbuild.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

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

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  { in: 'cli/src/main.ts', out: 'dist/cli.js' },
  { in: 'test/integration/index.ts', out: 'dist/test/integration/index.js', external: ['vscode', 'mocha'] },
];

mkdirSync('dist', { recursive: true });
await Promise.all(
  entries
    .filter((entry) => existsSync(entry.in))
    .map((entry) => build({ ...common, entryPoints: [entry.in], outfile: entry.out, external: entry.external ?? [] })),
);
