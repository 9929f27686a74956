type Command = (args: string[]) => Promise<number>;

// Each command's module is loaded only when it runs, so `lint` in CI does not pay for the emulator or the server.
const commands: Record<string, { run: Command; summary: string }> = {
  lint: { run: async (args) => (await import('./lint.js')).runLint(args), summary: 'check zone files (for CI)' },
  plan: {
    run: async (args) => (await import('./sync.js')).runPlan(args),
    summary: 'show what a sync of a zone file to Cloudflare would change',
  },
  apply: {
    run: async (args) => (await import('./sync.js')).runApply(args),
    summary: 'apply a zone file to Cloudflare through the batch endpoint',
  },
  emulator: {
    run: async (args) => (await import('./emulator.js')).runEmulator(args),
    summary: 'serve a local Cloudflare DNS API on 127.0.0.1',
  },
  lsp: {
    run: async (args) => (await import('./lsp.js')).runLsp(args),
    summary: 'run the zone-file language server (--stdio)',
  },
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

/** The status a shell reports for a program that SIGPIPE stopped (128 + 13). */
const closedPipeStatus = 141;

// A reader that stops early (`zone-records lint zones/ | head`) closes the pipe: stop there quietly, as Unix tools
// do, rather than die on an unhandled EPIPE with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`zone-records: cannot write the output: ${error.message}\n`);
  process.exit(error.code === 'EPIPE' ? closedPipeStatus : 1);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`zone-records: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
