import { DidChangeConfigurationNotification, type Connection, type InitializeParams } from 'vscode-languageserver';
import { defaultLintSettings, type LintSettings, readLintSettings } from '../../core/src/index';
import { configurationSection } from '../../protocol/src/index';

/** Everything the server takes from settings, typed once. */
export interface ServerSettings {
  readonly lint: LintSettings;
}

export const defaultServerSettings: ServerSettings = { lint: defaultLintSettings };

/**
 * Reads the `zoneRecords` section as the client sends it (workspace/configuration or didChangeConfiguration).
 * Bad values fall back to the defaults and come back as readable problems for the log, never as errors.
 */
export function readServerSettings(section: unknown): { settings: ServerSettings; problems: readonly string[] } {
  const lint = typeof section === 'object' && section !== null ? (section as { lint?: unknown }).lint : undefined;
  const reading = readLintSettings(lint);
  return { settings: { lint: reading.settings }, problems: reading.problems };
}

/**
 * The settings of each open document, read at the document's own scope (`workspace/configuration` with its URI),
 * so that the folders of a multi-root workspace can lint with different profiles. A client that cannot be asked
 * pushes one set for everything with didChangeConfiguration (or in the initialization options).
 */
export class DocumentSettings {
  private pull = false;
  /** For documents not asked about yet, and for everything when the client pushes. */
  private shared: ServerSettings = defaultServerSettings;
  private readonly byUri = new Map<string, ServerSettings>();
  /** Problems already logged: every document of a folder reads the same bad value. */
  private readonly warned = new Set<string>();

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): void {
    this.pull = params.capabilities.workspace?.configuration === true;
    const initial = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    if (initial !== undefined) this.shared = this.read(initial);
  }

  /** After `initialized`: asks to hear of changes to our section, and reads the workspace-wide settings. */
  async initialized(): Promise<void> {
    if (!this.pull) return;
    void this.connection.client.register(DidChangeConfigurationNotification.type, { section: configurationSection });
    this.shared = (await this.ask(undefined)) ?? this.shared;
  }

  /** What is known for the document now, without asking the client. */
  of(uri: string): ServerSettings {
    return this.byUri.get(uri) ?? this.shared;
  }

  /** Asks the client for the document's settings; true when they differ from what `of` gave before. */
  async refresh(uri: string): Promise<boolean> {
    if (!this.pull) return false;
    const before = this.of(uri);
    const asked = await this.ask(uri);
    if (asked === undefined) return false;
    this.byUri.set(uri, asked);
    return !sameSettings(before, asked);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /**
   * A didChangeConfiguration: a pulling client's settings are asked again per document (by the caller, with
   * `refresh`); a pushing client's become everyone's. True when every document must be analysed again.
   */
  changed(pushed: unknown): boolean {
    this.warned.clear();
    if (this.pull) return false;
    const section = (pushed as Record<string, unknown> | null | undefined)?.[configurationSection];
    const next = this.read(section);
    // Clients announce every configuration change, ours or not: re-lint only when ours changed.
    if (sameSettings(next, this.shared)) return false;
    this.shared = next;
    return true;
  }

  get pullsConfiguration(): boolean {
    return this.pull;
  }

  private async ask(scopeUri: string | undefined): Promise<ServerSettings | undefined> {
    try {
      const section: unknown = await this.connection.workspace.getConfiguration(
        scopeUri === undefined ? { section: configurationSection } : { scopeUri, section: configurationSection },
      );
      return this.read(section);
    } catch (error) {
      this.connection.console.warn(`zone-records: could not read settings (${String(error)}); using the defaults`);
      return undefined;
    }
  }

  private read(section: unknown): ServerSettings {
    const reading = readServerSettings(section);
    for (const problem of reading.problems) {
      if (this.warned.has(problem)) continue;
      this.warned.add(problem);
      this.connection.console.warn(`zone-records settings: ${problem}`);
    }
    return reading.settings;
  }
}

function sameSettings(a: ServerSettings, b: ServerSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
