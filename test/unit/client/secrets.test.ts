import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { CredentialStore } from '../../../client/src/secrets';

/** An in-memory SecretStorage with the calls the store makes. */
function fakeSecrets(): vscode.SecretStorage & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    get: (key: string) => Promise.resolve(values.get(key)),
    store: (key: string, value: string) => {
      values.set(key, value);
      return Promise.resolve();
    },
    delete: (key: string) => {
      values.delete(key);
      return Promise.resolve();
    },
    onDidChange: () => ({ dispose: () => undefined }),
  };
}

describe('credential store', () => {
  it('has nothing without a stored secret or the environment', async () => {
    assert.equal(await new CredentialStore(fakeSecrets(), {}).get(), undefined);
  });

  it('falls back to CLOUDFLARE_API_TOKEN, then to CLOUDFLARE_EMAIL + CLOUDFLARE_API_KEY', async () => {
    assert.deepEqual(await new CredentialStore(fakeSecrets(), { CLOUDFLARE_API_TOKEN: ' env-token ' }).get(), {
      credentials: { token: 'env-token' },
      source: 'environment',
    });
    assert.deepEqual(
      await new CredentialStore(fakeSecrets(), { CLOUDFLARE_EMAIL: 'a@example.com', CLOUDFLARE_API_KEY: 'k' }).get(),
      { credentials: { email: 'a@example.com', key: 'k' }, source: 'environment' },
    );
  });

  it('prefers a stored token, then a stored email + key, over the environment', async () => {
    const secrets = fakeSecrets();
    const store = new CredentialStore(secrets, { CLOUDFLARE_API_TOKEN: 'env-token' });
    await store.storeGlobalKey('b@example.com', 'global');
    assert.deepEqual(await store.get(), {
      credentials: { email: 'b@example.com', key: 'global' },
      source: 'global-key',
    });
    await store.storeToken('stored-token');
    assert.deepEqual(await store.get(), { credentials: { token: 'stored-token' }, source: 'token' });
    assert.deepEqual((await store.secretValues()).sort(), ['b@example.com', 'env-token', 'global', 'stored-token']);
  });

  it('clears what it stored, never the environment', async () => {
    const secrets = fakeSecrets();
    const store = new CredentialStore(secrets, { CLOUDFLARE_API_TOKEN: 'env-token' });
    await store.storeToken('stored-token');
    await store.clear();
    assert.equal(secrets.values.size, 0);
    assert.equal((await store.get())?.source, 'environment');
  });
});
