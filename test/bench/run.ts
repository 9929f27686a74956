// `npm run bench`: runs every benchmark module that exists here and exports `run()` (lint, lsp, sync, ...), one
// after the other; each prints its table and writes its own section of BENCHMARKS.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reportFailure } from './common';

/** The benchmark modules, in the order they run; a module that is absent is skipped. */
const modules = ['lint', 'lsp', 'sync', 'parse'];

interface BenchModule {
  run?: () => Promise<void>;
}

async function main(): Promise<void> {
  for (const name of modules) {
    const file = path.join(__dirname, `${name}.ts`);
    if (!fs.existsSync(file)) {
      process.stdout.write(`bench ${name}: no ${path.relative(process.cwd(), file)}, skipped\n`);
      continue;
    }
    const module = (await import(file)) as BenchModule;
    if (typeof module.run !== 'function') {
      process.stdout.write(`bench ${name}: exports no run(), skipped (run it on its own)\n`);
      continue;
    }
    process.stdout.write(`\n=== bench ${name} ===\n`);
    await module.run();
  }
}

main().catch(reportFailure);
