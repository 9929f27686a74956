import type * as vscode from 'vscode';
import { type Credentials, credentialsFromEnv } from '../../cloudflare/src/index';

const tokenKey = 'zoneRecords.apiToken';
const emailKey = 'zoneRecords.apiEmail';
const globalKeyKey = 'zoneRecords.apiGlobalKey';

/** Where the credentials in use came from, for messages (never the credentials themselves). */
export type CredentialSource = 'token' | 'global-key' | 'environment' | 'emulator';

/**
 * API credentials: an API token or email + global API key in VS Code's SecretStorage (never in settings),
 * else `CLOUDFLARE_API_TOKEN` / `CLOUDFLARE_EMAIL` + `CLOUDFLARE_API_KEY` from the environment.
 */
export class CredentialStore {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
  ) {}

  /** Fires when a stored credential changes (here or in another window). */
  get onDidChange(): vscode.Event<vscode.SecretStorageChangeEvent> {
    return this.secrets.onDidChange;
  }

  async get(): Promise<{ credentials: Credentials; source: CredentialSource } | undefined> {
    const token = await this.secrets.get(tokenKey);
    if (token) return { credentials: { token }, source: 'token' };
    const [email, key] = await Promise.all([this.secrets.get(emailKey), this.secrets.get(globalKeyKey)]);
    if (email && key) return { credentials: { email, key }, source: 'global-key' };
    const fromEnv = credentialsFromEnv(this.env);
    return fromEnv === undefined ? undefined : { credentials: fromEnv, source: 'environment' };
  }

  /** Every stored secret value, so that the log can make sure none of them is ever written. */
  async secretValues(): Promise<string[]> {
    const values = await Promise.all([tokenKey, emailKey, globalKeyKey].map((key) => this.secrets.get(key)));
    const fromEnv = credentialsFromEnv(this.env);
    const envValues = fromEnv === undefined ? [] : 'token' in fromEnv ? [fromEnv.token] : [fromEnv.key];
    return [...values, ...envValues].filter((value): value is string => typeof value === 'string' && value !== '');
  }

  async storeToken(token: string): Promise<void> {
    await this.secrets.store(tokenKey, token);
  }

  async storeGlobalKey(email: string, key: string): Promise<void> {
    await this.secrets.store(emailKey, email);
    await this.secrets.store(globalKeyKey, key);
  }

  /** Removes every stored credential (the environment's stay: they are not ours). */
  async clear(): Promise<void> {
    await Promise.all([tokenKey, emailKey, globalKeyKey].map((key) => this.secrets.delete(key)));
  }
}
