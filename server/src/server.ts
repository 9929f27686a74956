// The language server's entry point, bundled to dist/server.js. VS Code starts it over IPC (`--node-ipc`), other
// editors over stdio (`--stdio`); createConnection reads which from the command line.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startLanguageServer } from './languageServer';

startLanguageServer(createConnection(ProposedFeatures.all));
