import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { apiErrors } from './errors';

/** The credentials the emulator accepts. */
export interface AuthConfig {
  /** The API token accepted as `Authorization: Bearer <token>`. */
  readonly token: string;
  /** A second token that may only read (DNS Read): writes with it get Cloudflare's 403 "Authentication error". */
  readonly readOnlyToken?: string;
  /** Email and global API key accepted together as `X-Auth-Email` / `X-Auth-Key`, when both are set. */
  readonly email?: string;
  readonly globalKey?: string;
}

/** Who a request authenticated as; `id` stands for the credential without revealing it (token verify, rate limit). */
export interface Identity {
  readonly id: string;
  readonly scheme: 'token' | 'key';
  readonly canWrite: boolean;
}

const tokenPattern = /^[A-Za-z0-9._~+/=-]+$/;
const emailPattern = /^[^\s@]+@[^\s@]+$/;

/**
 * Authenticates a request the way Cloudflare does (semantics.md §3, §4): a Bearer token, or email + global key;
 * a malformed header, an unknown credential and no credential at all each give Cloudflare's error.
 * `/user/tokens/verify` accepts only a token.
 */
export function authenticate(headers: IncomingHttpHeaders, config: AuthConfig, tokenOnly: boolean): Identity {
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const token = match?.[1];
    if (token === undefined || !tokenPattern.test(token)) throw apiErrors.malformedBearer();
    const readOnly = config.readOnlyToken !== undefined && token === config.readOnlyToken;
    if (token !== config.token && !readOnly) {
      throw isCloudflareTokenFormat(token) ? apiErrors.invalidToken() : apiErrors.malformedBearer();
    }
    return { id: credentialId(`token:${token}`), scheme: 'token', canWrite: !readOnly };
  }
  const email = header(headers, 'x-auth-email');
  const key = header(headers, 'x-auth-key');
  if (email === undefined && key === undefined) {
    throw tokenOnly ? apiErrors.missingAuthorizationHeader() : apiErrors.missingCredentials();
  }
  if (tokenOnly) throw apiErrors.missingAuthorizationHeader();
  if (email === undefined || key === undefined) throw apiErrors.missingCredentials();
  if (!emailPattern.test(email)) throw apiErrors.malformedAuthEmail();
  if (config.email !== undefined && config.globalKey !== undefined) {
    if (email.toLowerCase() === config.email.toLowerCase() && key === config.globalKey) {
      return { id: credentialId(`key:${email.toLowerCase()}`), scheme: 'key', canWrite: true };
    }
  }
  // Global keys are hex; an API token sent as a key is the common mistake this catches.
  if (!/^[0-9a-f]+$/i.test(key)) throw apiErrors.malformedAuthKey();
  throw apiErrors.unknownAuthKey();
}

/**
 * Whether a token has the shape of a Cloudflare API token: 40 characters of letters, digits, `-` and `_`, or the
 * prefixed form (`cfat_` / `cfut_` and about 42 more, seen since 2026; the exact length is a GUESS). Anything else,
 * such as a 37-character global key sent as a token, is refused as a malformed header (semantics.md §4: 400, 6003 /
 * 6111), not as an unknown token. The tokens the emulator is configured with are accepted whatever their shape.
 */
function isCloudflareTokenFormat(token: string): boolean {
  return /^[A-Za-z0-9_-]{40}$/.test(token) || /^cf[a-z]t_[A-Za-z0-9_-]{32,64}$/.test(token);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function credentialId(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 32);
}
