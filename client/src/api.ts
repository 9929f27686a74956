import * as vscode from 'vscode';
import { CloudflareClient, type Credentials } from '../../cloudflare/src/index';
import { readSettings } from './config';
import type { Logger } from './log';
import type { CredentialSource, CredentialStore } from './secrets';

/** Thrown when an API command runs without any credentials; the error view offers "Set API Token". */
export class MissingCredentialsError extends Error {
  constructor() {
    super(
      'No Cloudflare credentials: set an API token (Zone Records: Set API Token), or set CLOUDFLARE_API_TOKEN ' +
        'in the environment VS Code starts from.',
    );
    this.name = 'MissingCredentialsError';
  }
}

/**
 * Hands out one Cloudflare client for the current settings and credentials, and builds a new one when either
 * changes. Every request is logged through the client's log hook, which never sees credentials.
 */
export class ApiSession implements vscode.Disposable {
  private current: { client: CloudflareClient; key: string; source: CredentialSource } | undefined;
  /** A connection that replaces settings and stored credentials while it is set (the local emulator). */
  private override: { readonly baseUrl: string; readonly token: string } | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the credentials or the connection settings change. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly store: CredentialStore,
    private readonly logger: Logger,
  ) {}

  async hasCredentials(): Promise<boolean> {
    return this.override !== undefined || (await this.store.get()) !== undefined;
  }

  /** True while the local emulator replaces the configured API. */
  get usesOverride(): boolean {
    return this.override !== undefined;
  }

  /** Talks to `baseUrl` with `token` instead of the settings and stored credentials (undefined: back to them). */
  async useConnection(connection: { readonly baseUrl: string; readonly token: string } | undefined): Promise<void> {
    this.override = connection;
    await this.reset();
  }

  /** The client, or MissingCredentialsError. */
  async client(): Promise<CloudflareClient> {
    const found: { credentials: Credentials; source: CredentialSource } | undefined =
      this.override === undefined
        ? await this.store.get()
        : { credentials: { token: this.override.token }, source: 'emulator' };
    if (found === undefined) throw new MissingCredentialsError();
    await this.updateSecrets();
    const settings = readSettings();
    const baseUrl = this.override?.baseUrl ?? settings.apiBaseUrl;
    const key = JSON.stringify([baseUrl, settings.requestTimeoutSeconds, fingerprint(found.credentials)]);
    if (this.current?.key === key) return this.current.client;
    await this.closeCurrent();
    const client = this.create(found.credentials, baseUrl);
    this.current = { client, key, source: found.source };
    this.logger.info(`Cloudflare API at ${client.baseUrl.href} (credentials from ${describeSource(found.source)})`);
    return client;
  }

  /** A client for credentials that are not stored yet (to verify them before saving). */
  createFor(credentials: Credentials): CloudflareClient {
    return this.create(credentials, readSettings().apiBaseUrl);
  }

  /** Forgets the client after a change of credentials or settings. */
  async reset(): Promise<void> {
    await this.closeCurrent();
    await this.updateSecrets();
    this.changed.fire();
  }

  dispose(): void {
    void this.closeCurrent();
    this.changed.dispose();
  }

  private async updateSecrets(): Promise<void> {
    const stored = await this.store.secretValues();
    this.logger.setSecrets(this.override === undefined ? stored : [...stored, this.override.token]);
  }

  private create(credentials: Credentials, baseUrl: string): CloudflareClient {
    const settings = readSettings();
    return new CloudflareClient({
      credentials,
      ...(baseUrl === '' ? {} : { baseUrl }),
      timeoutMs: settings.requestTimeoutSeconds * 1000,
      onRequest: (entry) => this.logger.request(entry),
      userAgent: 'zone-records-vscode',
    });
  }

  private async closeCurrent(): Promise<void> {
    const previous = this.current;
    this.current = undefined;
    if (previous) await previous.client.close().catch(() => undefined);
  }
}

/** Tells credentials apart without keeping them: a short non-reversible digest. */
function fingerprint(credentials: Credentials): string {
  const text = 'token' in credentials ? `t:${credentials.token}` : `k:${credentials.email}:${credentials.key}`;
  let hash = 5381;
  for (let index = 0; index < text.length; index++) hash = ((hash << 5) + hash + text.charCodeAt(index)) | 0;
  return `${text.length}:${hash >>> 0}`;
}

export function describeSource(source: CredentialSource): string {
  switch (source) {
    case 'token':
      return 'the stored API token';
    case 'global-key':
      return 'the stored email and global API key';
    case 'environment':
      return 'the environment';
    case 'emulator':
      return 'the local emulator';
  }
}
