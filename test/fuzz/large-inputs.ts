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

/** Runs of each measure; the table gives the fastest, which a busy machine disturbs least. */
const runs = 5;

interface CliTiming {
  readonly wallMs: number;
  /** User plus system CPU time of the whole process, from /usr/bin/time. */
  readonly cpuMs: number;
}

function cliLint(file: string): CliTiming {
  const started = performance.now();
  const result = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%U %S',
      process.execPath,
      path.join(projectRoot, 'bin/zone-records.js'),
      'lint',
      '--origin',
      'example.com.',
      file,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  );
  const wallMs = performance.now() - started;
  const [user, system] = (result.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { wallMs, cpuMs: ((user ?? NaN) + (system ?? NaN)) * 1000 };
}

function fastest(timings: readonly CliTiming[]): CliTiming {
  return {
    wallMs: Math.min(...timings.map((timing) => timing.wallMs)),
    cpuMs: Math.min(...timings.map((timing) => timing.cpuMs)),
  };
}

export async function largeInputsReport(bytes = 1024 * 1024): Promise<string> {
  const lines = [
    `| line shape | size | \`zone-records lint\` wall ms (fastest of ${runs}) | its CPU ms | LSP: open to first diagnostics, ms (fastest of ${runs}) |`,
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-records-fuzz-'));
  const client = await LspClient.start({ settings: { lint: { profile: 'cloudflare' } } });
  try {
    for (const [index, shape] of lineShapes.entries()) {
      const text = build(shape, copiesFor(shape, bytes));
      const file = path.join(folder, `shape-${index}.zone`);
      fs.writeFileSync(file, text);
      const cli = fastest(Array.from({ length: runs }, () => cliLint(file)));
      const uri = `file:///fuzz/example.com/shape-${index}.zone`;
      let lspMs = Infinity;
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        await client.open(uri, text);
        lspMs = Math.min(lspMs, performance.now() - started);
        await client.close(uri);
      }
      lines.push(
        `| ${shape.name} | ${(text.length / 1024).toFixed(0)} KB | ${cli.wallMs.toFixed(0)} | ${cli.cpuMs.toFixed(0)} | ${lspMs.toFixed(0)} |`,
      );
    }
  } finally {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return lines.join('\n');
}
