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
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the credentials or the connection settings change. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly store: CredentialStore,
    private readonly logger: Logger,
  ) {}

  async hasCredentials(): Promise<boolean> {
    return (await this.store.get()) !== undefined;
  }

  /** The client, or MissingCredentialsError. */
  async client(): Promise<CloudflareClient> {
    const found = await this.store.get();
    if (found === undefined) throw new MissingCredentialsError();
    this.logger.setSecrets(await this.store.secretValues());
    const settings = readSettings();
    const key = JSON.stringify([settings.apiBaseUrl, settings.requestTimeoutSeconds, fingerprint(found.credentials)]);
    if (this.current?.key === key) return this.current.client;
    await this.closeCurrent();
    const client = this.create(found.credentials);
    this.current = { client, key, source: found.source };
    this.logger.info(`Cloudflare API at ${client.baseUrl.href} (credentials from ${describeSource(found.source)})`);
    return client;
  }

  /** A client for credentials that are not stored yet (to verify them before saving). */
  createFor(credentials: Credentials): CloudflareClient {
    return this.create(credentials);
  }

  /** Forgets the client after a change of credentials or settings. */
  async reset(): Promise<void> {
    await this.closeCurrent();
    this.logger.setSecrets(await this.store.secretValues());
    this.changed.fire();
  }

  dispose(): void {
    void this.closeCurrent();
    this.changed.dispose();
  }

  private create(credentials: Credentials): CloudflareClient {
    const settings = readSettings();
    return new CloudflareClient({
      credentials,
      ...(settings.apiBaseUrl === '' ? {} : { baseUrl: settings.apiBaseUrl }),
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
  }
}
