import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startLanguageServer } from '../../server/src/languageServer';

const usage = `usage: zone-records lsp --stdio

Runs the zone-file language server (diagnostics, quick fixes, hover, completion, outline, folding, formatting)
over standard input and output, for editors other than VS Code. Settings come from the client's
workspace/configuration under "zoneRecords" (lint.profile, lint.rules).
`;

/** `zone-records lsp --stdio`: the same server as the VS Code extension's, speaking LSP on stdin/stdout. */
export function runLsp(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage);
    return Promise.resolve(0);
  }
  const unknown = args.filter((arg) => arg !== '--stdio');
  if (!args.includes('--stdio') || unknown.length > 0) {
    const problem = unknown.length > 0 ? `unknown option '${unknown[0]}'` : 'the only transport is --stdio';
    process.stderr.write(`zone-records lsp: ${problem}\n\n${usage}`);
    return Promise.resolve(2);
  }
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startLanguageServer(connection);
  // The connection ends the process on the client's `exit` notification; until then the command keeps running.
  return new Promise<number>((resolve) => {
    connection.onExit(() => resolve(0));
  });
}
