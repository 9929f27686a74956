import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { Logger } from './log';
import { configurationSection, languageId } from '../../protocol/src/index';

/** Starts the zone-file language server (dist/server.js) over IPC; undefined when the bundle is missing. */
export async function startLanguageClient(
  context: vscode.ExtensionContext,
  logger: Logger,
): Promise<LanguageClient | undefined> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  if (!existsSync(serverModule)) {
    logger.warn(`The language server bundle ${serverModule} is missing; run "npm run build".`);
    return undefined;
  }
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: languageId },
      { scheme: 'untitled', language: languageId },
      { scheme: 'vscode-remote', language: languageId },
    ],
    synchronize: { configurationSection },
    outputChannel: vscode.window.createOutputChannel('Zone Records Language Server', { log: true }),
  };
  const client = new LanguageClient('zoneRecords', 'Zone Records Language Server', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    logger.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  return client;
}
