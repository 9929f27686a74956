import { Agent, EnvHttpProxyAgent, ProxyAgent, type Dispatcher } from 'undici';
import { CloudflareConfigError } from './errors';
import type { Credentials } from './http';

export const DEFAULT_BASE_URL = 'https://api.cloudflare.com/client/v4';

/** Per-request timeout when none is configured (the official SDK's default too). */
export const DEFAULT_TIMEOUT_MS = 60_000;

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Credentials from the environment: `CLOUDFLARE_API_TOKEN`, else `CLOUDFLARE_EMAIL` with `CLOUDFLARE_API_KEY`.
 * Undefined when neither is set.
 */
export function credentialsFromEnv(env: Environment = process.env): Credentials | undefined {
  const token = env.CLOUDFLARE_API_TOKEN?.trim();
  if (token) return { token };
  const email = env.CLOUDFLARE_EMAIL?.trim();
  const key = env.CLOUDFLARE_API_KEY?.trim();
  if (email && key) return { email, key };
  return undefined;
}

/** `CLOUDFLARE_API_BASE_URL`, else Cloudflare's own API. */
export function baseUrlFromEnv(env: Environment = process.env): string {
  return env.CLOUDFLARE_API_BASE_URL?.trim() || DEFAULT_BASE_URL;
}

/** Parses and checks a base URL, with an error a user can act on. */
export function parseBaseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CloudflareConfigError(
      `The Cloudflare API base URL "${text}" is not a URL; use e.g. ${DEFAULT_BASE_URL}.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CloudflareConfigError(`The Cloudflare API base URL must start with https:// (got "${text}").`);
  }
  if (url.username || url.password) {
    throw new CloudflareConfigError('The Cloudflare API base URL must not contain a user name or password.');
  }
  url.search = '';
  url.hash = '';
  return url;
}

/** Checks credentials before any request, so a bad value gives a clear error instead of a header error. */
export function checkCredentials(credentials: Credentials | undefined): Credentials {
  if (credentials === undefined) {
    throw new CloudflareConfigError(
      'No Cloudflare credentials: set an API token (CLOUDFLARE_API_TOKEN, or the "Set API token" command).',
    );
  }
  const values = 'token' in credentials ? [credentials.token] : [credentials.email, credentials.key];
  for (const value of values) {
    if (value.length === 0) {
      throw new CloudflareConfigError('The Cloudflare API token (or email or key) is empty; set it again.');
    }
    // HTTP header values: visible ASCII only (tokens and keys never hold anything else).
    if (![...value].every((char) => char >= '!' && char <= '~')) {
      throw new CloudflareConfigError(
        'The Cloudflare API token (or email or key) contains spaces, control or non-ASCII characters; paste it again without them.',
      );
    }
  }
  return credentials;
}

/**
 * The one keep-alive dispatcher the client uses for all its requests. A configured proxy (or `HTTPS_PROXY` /
 * `HTTP_PROXY` with `NO_PROXY` from the environment) is used for remote hosts; a loopback base URL (the local
 * emulator) is always reached directly.
 */
export function createDispatcher(baseUrl: URL, proxy: string | false | undefined, env: Environment): Dispatcher {
  const keepAlive = { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 120_000, connections: 8 };
  if (proxy === false || isLoopback(baseUrl.hostname)) return new Agent(keepAlive);
  if (proxy !== undefined && proxy !== '') return new ProxyAgent({ uri: checkProxyUrl(proxy), ...keepAlive });
  const httpsProxy = env.HTTPS_PROXY ?? env.https_proxy;
  const httpProxy = env.HTTP_PROXY ?? env.http_proxy;
  if (httpsProxy || httpProxy) {
    return new EnvHttpProxyAgent({
      ...keepAlive,
      httpProxy: httpProxy ? checkProxyUrl(httpProxy) : undefined,
      httpsProxy: httpsProxy ? checkProxyUrl(httpsProxy) : undefined,
      noProxy: env.NO_PROXY ?? env.no_proxy ?? '',
    });
  }
  return new Agent(keepAlive);
}

function checkProxyUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return text;
  } catch {
    // reported below
  }
  throw new CloudflareConfigError(
    `The proxy "${text}" is not an http:// or https:// URL; fix HTTPS_PROXY or the proxy setting.`,
  );
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
