// Each pathological line shape at about 1 MB, as a user meets it: `zone-records lint` (the built CLI, wall time of
// the whole process) and the language server's first diagnostics after opening it (a real LSP client over
// stdio). Part of `npm run fuzz -- --large`; needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot } from './corpus';
import { build, copiesFor, lineShapes } from './linearity';
import { LspClient } from '../server/lspClient';

function cliLintMs(file: string): number {
  const started = performance.now();
  spawnSync(
    process.execPath,
    [path.join(projectRoot, 'bin/zone-records.js'), 'lint', '--origin', 'example.com.', file],
    {
      stdio: 'ignore',
    },
  );
  return performance.now() - started;
}

export async function largeInputsReport(bytes = 1024 * 1024): Promise<string> {
  const lines = [
    '| line shape | size | `zone-records lint` (wall ms) | LSP: open to first diagnostics (ms) |',
    '| --- | ---: | ---: | ---: |',
  ];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-records-fuzz-'));
  const client = await LspClient.start({ settings: { lint: { profile: 'cloudflare' } } });
  try {
    for (const [index, shape] of lineShapes.entries()) {
      const text = build(shape, copiesFor(shape, bytes));
      const file = path.join(folder, `shape-${index}.zone`);
      fs.writeFileSync(file, text);
      const cliMs = cliLintMs(file);
      const uri = `file:///fuzz/example.com/shape-${index}.zone`;
      const started = performance.now();
      await client.open(uri, text);
      const lspMs = performance.now() - started;
      await client.close(uri);
      lines.push(
        `| ${shape.name} | ${(text.length / 1024).toFixed(0)} KB | ${cliMs.toFixed(0)} | ${lspMs.toFixed(0)} |`,
      );
    }
  } finally {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return lines.join('\n');
}
