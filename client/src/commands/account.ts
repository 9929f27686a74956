import * as vscode from 'vscode';
import type { Credentials } from '../../../cloudflare/src/index';
import { errorText } from '../errors';
import { ask, type CommandContext } from './context';

/** The outcome of saving credentials, for tests and callers. */
export interface CredentialCheck {
  readonly saved: boolean;
  readonly verified: boolean;
  readonly message: string;
}

/** Asks for an API token (hidden input), verifies it with Cloudflare and stores it in SecretStorage. */
export async function setToken(context: CommandContext, token?: string): Promise<CredentialCheck> {
  const value =
    token ??
    (await ask({
      title: 'Zone Records: Cloudflare API token',
      prompt:
        'Paste an API token with DNS Read/Write and Zone Read permissions. It is kept in VS Code’s secret storage.',
      password: true,
      placeHolder: 'API token',
      validateInput: (text) => (text.trim() === '' ? 'Enter the token' : undefined),
    }));
  const credentials = { token: value.trim() };
  const check = await verify(context, credentials, 'token');
  await context.store.storeToken(credentials.token);
  await context.session.reset();
  await context.credentialsChanged();
  return report(check, true);
}

/** Asks for the email and global API key (legacy authentication), verifies them and stores both. */
export async function setGlobalKey(
  context: CommandContext,
  args?: { readonly email: string; readonly key: string },
): Promise<CredentialCheck> {
  const email =
    args?.email ??
    (await ask({
      title: 'Zone Records: Cloudflare account email',
      prompt: 'The email of the Cloudflare account (for the global API key).',
      validateInput: (text) => (/^\S+@\S+$/.test(text.trim()) ? undefined : 'Enter an email address'),
    }));
  const key =
    args?.key ??
    (await ask({
      title: 'Zone Records: Cloudflare global API key',
      prompt: 'The global API key. An API token is safer: it can be limited to DNS.',
      password: true,
      validateInput: (text) => (text.trim() === '' ? 'Enter the key' : undefined),
    }));
  const credentials = { email: email.trim(), key: key.trim() };
  const check = await verify(context, credentials, 'global-key');
  await context.store.storeGlobalKey(credentials.email, credentials.key);
  await context.session.reset();
  await context.credentialsChanged();
  return report(check, true);
}

/** Removes the stored token, email and key. */
export async function clearCredentials(context: CommandContext): Promise<void> {
  await context.store.clear();
  await context.session.reset();
  await context.credentialsChanged();
  context.logger.info('Stored Cloudflare credentials removed.');
  void vscode.window.showInformationMessage('Zone Records: the stored Cloudflare credentials were removed.');
}

/** Verifies the credentials in use and says what Cloudflare answered. */
export async function verifyCredentials(context: CommandContext): Promise<CredentialCheck> {
  const found = await context.store.get();
  if (!found) {
    return report({ saved: false, verified: false, message: 'No credentials are set.' });
  }
  const check = await verify(context, found.credentials, found.source === 'global-key' ? 'global-key' : 'token');
  return report({ ...check, saved: true });
}

async function verify(
  context: CommandContext,
  credentials: Credentials,
  kind: 'token' | 'global-key',
): Promise<CredentialCheck> {
  const client = context.session.createFor(credentials);
  try {
    if (kind === 'token') {
      const result = await client.verifyToken();
      const expires = result.expires_on ? `, expires ${result.expires_on}` : '';
      return {
        saved: true,
        verified: result.status === 'active',
        message:
          result.status === 'active'
            ? `The API token is valid and active${expires}.`
            : `Cloudflare says the API token is ${result.status}: create a new token in the Cloudflare dashboard.`,
      };
    }
    // The global key cannot use the token verification endpoint; listing zones proves it works.
    await client.listZones({ per_page: 5 });
    return { saved: true, verified: true, message: 'The email and global API key work.' };
  } catch (error) {
    return { saved: true, verified: false, message: `Cloudflare did not accept them: ${errorText(error)}` };
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** Shows the outcome; `justSaved` adds that failed credentials were kept (to fix or clear). */
function report(check: CredentialCheck, justSaved = false): CredentialCheck {
  const kept = justSaved && !check.verified ? ' They were saved anyway; set them again or clear them.' : '';
  const text = `Zone Records: ${check.message}${kept}`;
  if (check.verified) void vscode.window.showInformationMessage(text);
  else void vscode.window.showWarningMessage(text);
  return check;
}
