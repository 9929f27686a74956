/**
 * Cloudflare's error codes and messages as the emulator returns them. Codes and wording come from
 * ../shared/cloudflare/semantics.md §4; the ones marked GUESS there (or not listed at all) are marked here too, so a
 * reader knows which responses are reproduced and which are invented to be plausible.
 */

/** One entry of an envelope's `errors` or `messages` array. */
export interface ApiMessage {
  readonly code: number;
  readonly message: string;
  readonly error_chain?: readonly ApiMessage[];
}

/** An error a handler throws; the server turns it into a failure envelope with this HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly ApiMessage[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(errors.map((error) => `${error.code}: ${error.message}`).join('; '));
    this.name = 'ApiError';
  }
}

function single(status: number, code: number, message: string): ApiError {
  return new ApiError(status, [{ code, message }]);
}

/** Cloudflare's validation error form: `1004 "DNS Validation Error"` with the cause in `error_chain` (semantics.md §4). */
function dnsValidation(code: number, message: string): ApiError {
  return new ApiError(400, [{ code: 1004, message: 'DNS Validation Error', error_chain: [{ code, message }] }]);
}

export const apiErrors = {
  /** GUESS (code 9106 as observed on real responses without credentials; not in semantics.md). */
  missingCredentials: () => single(400, 9106, 'Missing X-Auth-Key, X-Auth-Email or Authorization headers'),
  malformedBearer: () =>
    new ApiError(400, [
      {
        code: 6003,
        message: 'Invalid request headers',
        error_chain: [{ code: 6111, message: 'Invalid format for Authorization header' }],
      },
    ]),
  malformedAuthKey: () =>
    new ApiError(400, [
      {
        code: 6003,
        message: 'Invalid request headers',
        error_chain: [{ code: 6103, message: 'Invalid format for X-Auth-Key header' }],
      },
    ]),
  malformedAuthEmail: () =>
    new ApiError(400, [
      {
        code: 6003,
        message: 'Invalid request headers',
        error_chain: [{ code: 6102, message: 'Invalid format for X-Auth-Email header' }],
      },
    ]),
  /** GUESS (status 401 and code 1000). */
  invalidToken: () => single(401, 1000, 'Invalid API Token'),
  /** GUESS (code 9103 for a wrong email / global key pair). */
  unknownAuthKey: () => single(403, 9103, 'Unknown X-Auth-Key or X-Auth-Email'),
  missingAuthorizationHeader: () => single(400, 1001, 'Missing "Authorization" header'),
  permissionDenied: () => single(403, 10000, 'Authentication error'),
  noRoute: (path: string) =>
    new ApiError(400, [
      { code: 7003, message: `Could not route to ${path}, perhaps your object identifier is invalid?` },
      { code: 7000, message: 'No route for that URI' },
    ]),
  /** GUESS (status 405 and code 10405); Cloudflare answers an unsupported method on a known path with an error. */
  methodNotAllowed: (method: string) => single(405, 10405, `Method ${method} not allowed for this route`),
  /** Status 404 GUESS, code and message observed. */
  recordNotFound: () => single(404, 81044, 'Record does not exist.'),
  cnameConflict: () => single(400, 81053, 'An A, AAAA, or CNAME record with that host already exists.'),
  addressUnderCname: () =>
    single(
      400,
      81054,
      'A CNAME record with that host already exists. For more details, refer to <https://developers.cloudflare.com/dns/manage-dns-records/troubleshooting/records-with-same-name/>.',
    ),
  /** GUESS (code 81056): the rule is documented, its code is not. */
  nsConflict: () => single(400, 81056, 'An NS record cannot share a name with records of another type.'),
  duplicateRecord: () => single(400, 81057, 'The record already exists.'),
  invalidIpv4: () => single(400, 9005, 'Content for A record must be a valid IPv4 address.'),
  /** GUESS (code 9006 by analogy with 9005). */
  invalidIpv6: () => single(400, 9006, 'Content for AAAA record must be a valid IPv6 address.'),
  notProxiable: () =>
    new ApiError(400, [
      {
        code: 1004,
        message: 'DNS Validation Error',
        error_chain: [{ code: 9004, message: 'This kind of record cannot be proxied.' }],
      },
    ]),
  /** Code 9021 observed (2020 wording with the old bounds); bounds updated to the current ones. */
  invalidTtl: (minimum: number) =>
    single(400, 9021, `Invalid TTL. Must be between ${minimum} and 86,400 seconds, or 1 for automatic.`),
  /** GUESS (code 1004 "DNS Validation Error" family with the detail in the message). */
  validation: (detail: string) => single(400, 1004, `DNS Validation Error: ${detail}`),
  /** Code, message and the 1004 wrapper observed (ISSUE terraform-provider-cloudflare#3217, 2024; external-dns#3706). */
  tagsQuotaExceeded: (count: number, quota: number) =>
    dnsValidation(9300, `DNS record has ${count} tags, exceeding the quota of ${quota}.`),
  /** Code and message observed (ISSUE STRRL/cloudflare-tunnel-ingress-controller#168, 2025); the 1004 wrapper GUESS. */
  commentTooLong: (limit: number) =>
    dnsValidation(9313, `DNS record comment exceeds the maximum length of ${limit} characters.`),
  /** GUESS (code 1004): the 4,096-byte limit is documented ("DNS record types"), its error is not. */
  recordTooLarge: (octets: number, limit: number) =>
    single(
      400,
      1004,
      `DNS Validation Error: the record is ${octets} bytes in wire format; the limit is ${limit.toLocaleString('en-US')} bytes.`,
    ),
  /** GUESS (code 1004): the 8,192-character limit is documented ("DNS record types"), its error is not. */
  recordSetTooLong: (length: number, limit: number) =>
    single(
      400,
      1004,
      `DNS Validation Error: records with the same name and type have ${length} characters of content combined; the limit is ${limit.toLocaleString('en-US')}.`,
    ),
  /** GUESS (code 9000 for a bad record name). */
  invalidName: (detail: string) => single(400, 9000, `DNS name is invalid: ${detail}`),
  /** GUESS (code 9007 for an unsupported type). */
  invalidType: (type: string) => single(400, 9007, `Invalid or unsupported DNS record type '${type}'.`),
  /** GUESS (code 81045; the message is the one seen in third-party code). */
  quotaExceeded: () => single(400, 81045, 'Record quota exceeded.'),
  /** GUESS (code 81100). */
  batchTooLarge: (limit: number, size: number) =>
    single(400, 81100, `Batch request has ${size} changes; the limit for this zone's plan is ${limit}.`),
  /** GUESS (code 9207) for a body that is not valid JSON or not the expected shape. */
  invalidBody: (detail: string) => single(400, 9207, `Request body is invalid: ${detail}`),
  /** GUESS (code 1004) for a bad query parameter. */
  invalidParameter: (name: string, detail: string) => single(400, 1004, `Invalid value for '${name}': ${detail}`),
  /** GUESS (code 81061) for import problems; the `$INCLUDE` wording is documented. */
  importError: (detail: string) => single(400, 81061, detail),
  /** GUESS (code 81062): the 256 KiB limit is documented, the error is not. */
  importTooLarge: (bytes: number) =>
    single(400, 81062, `Zone file is ${bytes} bytes; the import limit is 262144 bytes (256 KiB).`),
  /** GUESS (413/code 9208) for a request body larger than the emulator reads. */
  bodyTooLarge: () => single(413, 9208, 'Request body is too large.'),
  /** GUESS (code 1015, Cloudflare's "you are being rate limited" error number). */
  rateLimited: (retryAfterSeconds: number) =>
    new ApiError(
      429,
      [{ code: 1015, message: `You are being rate limited. Retry after ${retryAfterSeconds} seconds.` }],
      {
        'retry-after': String(retryAfterSeconds),
      },
    ),
  /** An injected server error (fault injection). */
  injected: (status: number) =>
    single(status, status === 503 ? 10503 : 10500, `Injected fault: HTTP ${status} from the emulator.`),
  internal: () => single(500, 10500, 'Internal error in the emulator.'),
} as const;
