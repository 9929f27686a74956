// A real LSP client over stdio for the server tests and the benchmark: it spawns the bundled server
// (`node dist/server.js --stdio`, or the CLI's `lsp --stdio`), answers workspace/configuration with the settings the
// test gives, and collects published diagnostics.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  UnregistrationRequest,
  type Diagnostic,
  type FileEvent,
  type FileSystemWatcher,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol';
import {
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export const projectRoot = path.resolve(__dirname, '../..');

/** Builds dist/ when a source of the server, the CLI or a package they bundle is newer than the bundle. */
export function ensureBuilt(): void {
  const bundle = path.join(projectRoot, 'dist/server.js');
  const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
  const newest = Math.max(
    ...['core/src', 'protocol/src', 'cloudflare/src', 'server/src', 'cli/src', 'emulator/src'].flatMap((dir) =>
      sourceTimes(path.join(projectRoot, dir)),
    ),
  );
  if (newest > built || !fs.existsSync(path.join(projectRoot, 'dist/cli.js'))) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'inherit' });
  }
}

function sourceTimes(dir: string): number[] {
  const times: number[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) times.push(...sourceTimes(full));
    else if (entry.name.endsWith('.ts')) times.push(fs.statSync(full).mtimeMs);
  }
  return times;
}

export interface ClientOptions {
  /** `server` spawns dist/server.js, `cli` spawns `node dist/cli.js lsp --stdio`. */
  readonly via?: 'server' | 'cli';
  /** What workspace/configuration answers for the `zoneRecords` section (see `LspClient.settings`). */
  readonly settings?: unknown;
  readonly nodeOptions?: readonly string[];
  /** Whether the client says it takes relative patterns in file watchers (default true, as VS Code). */
  readonly relativePatterns?: boolean;
}

type Waiter = {
  match: (params: PublishDiagnosticsParams) => boolean;
  resolve: (params: PublishDiagnosticsParams) => void;
};

export class LspClient {
  readonly connection: ProtocolConnection;
  /** The latest diagnostics published per URI. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** The `zoneRecords` section, or a function of the asked scope (a document URI; undefined for the workspace). */
  settings: unknown;
  private readonly waiters: Waiter[] = [];
  /** Capabilities the server registered and has not withdrawn, by registration id. */
  private readonly registrations = new Map<string, { method: string; registerOptions?: unknown }>();
  private registrationListeners: (() => boolean)[] = [];
  private readonly versions = new Map<string, number>();
  private stderr = '';

  private constructor(
    readonly process: ChildProcess,
    options: ClientOptions,
  ) {
    this.settings = options.settings ?? {};
    this.connection = createProtocolConnection(
      new StreamMessageReader(process.stdout!),
      new StreamMessageWriter(process.stdin!),
    );
    process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params);
      for (const waiter of [...this.waiters]) {
        if (!waiter.match(params)) continue;
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map(({ scopeUri }) =>
        typeof this.settings === 'function' ? (this.settings as (scope?: string) => unknown)(scopeUri) : this.settings,
      ),
    );
    this.connection.onRequest(RegistrationRequest.type, ({ registrations }) => {
      for (const registration of registrations) this.registrations.set(registration.id, registration);
      this.registrationsChanged();
    });
    this.connection.onRequest(UnregistrationRequest.type, ({ unregisterations }) => {
      for (const { id } of unregisterations) this.registrations.delete(id);
      this.registrationsChanged();
    });
    this.connection.listen();
  }

  /** Spawns the server and completes the initialize handshake. */
  static async start(options: ClientOptions = {}): Promise<LspClient> {
    const args =
      options.via === 'cli'
        ? [...(options.nodeOptions ?? []), 'dist/cli.js', 'lsp', '--stdio']
        : [...(options.nodeOptions ?? []), 'dist/server.js', '--stdio'];
    const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child, options);
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: {
            dynamicRegistration: true,
            relativePatternSupport: options.relativePatterns ?? true,
          },
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The file watchers the server has registered for workspace/didChangeWatchedFiles. */
  get fileWatchers(): FileSystemWatcher[] {
    return [...this.registrations.values()]
      .filter((registration) => registration.method === DidChangeWatchedFilesNotification.method)
      .flatMap((registration) => (registration.registerOptions as { watchers: FileSystemWatcher[] }).watchers);
  }

  /** Resolves once `test` holds for the server's registered file watchers. */
  waitForFileWatchers(test: (watchers: FileSystemWatcher[]) => boolean, timeoutMs = 15000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`file watchers not as expected: ${JSON.stringify(this.fileWatchers)}`)),
        timeoutMs,
      );
      const check = (): boolean => {
        if (!test(this.fileWatchers)) return false;
        clearTimeout(timer);
        resolve();
        return true;
      };
      if (!check()) this.registrationListeners.push(check);
    });
  }

  /** Tells the server that files changed on disk, as an editor's file watcher does. */
  async changeWatchedFiles(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  private registrationsChanged(): void {
    this.registrationListeners = this.registrationListeners.filter((check) => !check());
  }

  get errorOutput(): string {
    return this.stderr;
  }

  /** Resolves with the next diagnostics published for `uri` (at `version`, when given). */
  nextDiagnostics(uri: string, version?: number, timeoutMs = 15000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version ?? '?'}`)), timeoutMs);
      this.waiters.push({
        match: (params) => params.uri === uri && (version === undefined || params.version === version),
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      });
    });
  }

  async open(uri: string, text: string, timeoutMs?: number): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const published = this.nextDiagnostics(uri, 1, timeoutMs);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'dns-zone', version: 1, text },
    });
    return (await published).diagnostics;
  }

  /** Sends one incremental edit and resolves with the diagnostics published for the new version. */
  async edit(uri: string, range: Range, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.nextDiagnostics(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return (await published).diagnostics;
  }

  /** Sends edits as one change notification (applied in order) and waits for that version's diagnostics. */
  async editMany(uri: string, changes: readonly { range: Range; text: string }[]): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const published = this.nextDiagnostics(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [...changes],
    });
    return (await published).diagnostics;
  }

  async close(uri: string): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return (await published).diagnostics;
  }

  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may already be gone; the kill below makes sure.
    }
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      const timer = setTimeout(() => {
        this.process.kill();
        resolve();
      }, 2000);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}
