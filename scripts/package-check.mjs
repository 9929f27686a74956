// `npm run package:check`: builds the production bundles, packages the .vsix with @vscode/vsce (3.x runs on
// Node 20) and fails when it is 1 MB or larger or lacks a file the extension needs at run time.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './vscode-web.mjs';

const LIMIT_BYTES = 1024 * 1024;
const vsix = join(projectRoot, 'dist/zone-records.vsix');
const required = [
  'extension/package.json',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/syntaxes/dns-zone.tmLanguage.json',
];
const vsce = join(projectRoot, 'node_modules/@vscode/vsce/vsce');

function run(command, args) {
  return execFileSync(command, args, { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

try {
  run(process.execPath, ['scripts/build.mjs', '--production']);
  // README images stay relative: the repository URL is not a public GitHub one that vsce could rewrite them to.
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', vsix]);
  const listing = run(process.execPath, [vsce, 'ls', '--no-dependencies']);
  const files = listing.split('\n').filter((line) => line.trim() !== '');
  const size = statSync(vsix).size;
  // `vsce ls` lists paths relative to the extension root; the archive puts them under extension/.
  const missing = required.filter((path) => !files.includes(path.replace(/^extension\//, '')));
  process.stdout.write(`package-check: ${vsix}: ${(size / 1024).toFixed(1)} KiB, ${files.length} files\n`);
  for (const file of files) process.stdout.write(`  ${file}\n`);
  if (missing.length > 0) {
    process.stderr.write(`package-check: FAILED: the package lacks ${missing.join(', ')}\n`);
    process.exitCode = 1;
  } else if (size >= LIMIT_BYTES) {
    process.stderr.write(`package-check: FAILED: ${size} bytes is not under the 1 MB limit (${LIMIT_BYTES} bytes)\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write('package-check: passed (under 1 MB)\n');
  }
} catch (error) {
  process.stderr.write(`package-check: FAILED: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  // Leave the development build (with source maps) that the other scripts expect.
  run(process.execPath, ['scripts/build.mjs']);
}
