import { runLint } from './lint';
import { runPlan, runApply } from './sync';
import { runEmulator } from './emulator';
import { runLsp } from './lsp';

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { run: Command; summary: string }> = {
  lint: { run: runLint, summary: 'check zone files (for CI)' },
  plan: { run: runPlan, summary: 'show what a sync of a zone file to Cloudflare would change' },
  apply: { run: runApply, summary: 'apply a zone file to Cloudflare through the batch endpoint' },
  emulator: { run: runEmulator, summary: 'serve a local Cloudflare DNS API on 127.0.0.1' },
  lsp: { run: runLsp, summary: 'run the zone-file language server (--stdio)' },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(9)} ${command.summary}`);
  return `usage: zone-records <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nzone-records <command> --help shows a command's options.\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands[name];
  if (command === undefined) {
    process.stderr.write(`zone-records: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  return command.run(rest);
}

declare const VERSION: string;

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`zone-records: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
