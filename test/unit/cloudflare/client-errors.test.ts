import { strict as assert } from 'node:assert';
import {
  CloudflareApiError,
  CloudflareAuthError,
  CloudflareCancelledError,
  CloudflareError,
  CloudflareNetworkError,
  CloudflareNotFoundError,
  CloudflareRateLimitError,
  CloudflareResponseError,
  CloudflareTimeoutError,
  formatCloudflareMessage,
  formatDuration,
} from '../../../cloudflare/src/api/errors';
import { errorFromResponse, parseEnvelope } from '../../../cloudflare/src/api/http';

const request = { method: 'POST', path: '/zones/z1/dns_records?x=1', attempts: 1 };
const body = (errors: unknown[]): string => JSON.stringify({ success: false, errors, messages: [], result: null });

describe('Cloudflare client errors', () => {
  it('formats a message with its error chain', () => {
    assert.equal(
      formatCloudflareMessage({
        code: 1004,
        message: 'DNS Validation Error',
        error_chain: [
          { code: 9004, message: 'This kind of record cannot be proxied' },
          { code: 9005, message: 'Bad content' },
        ],
      }),
      'Cloudflare 1004: DNS Validation Error (9004: This kind of record cannot be proxied; 9005: Bad content)',
    );
  });

  it('joins several errors and keeps every code', () => {
    const error = errorFromResponse(
      {
        status: 400,
        headers: {},
        text: body([
          { code: 9005, message: 'one.' },
          { code: 9021, message: 'two' },
        ]),
      },
      request,
      0,
    );
    assert.ok(error instanceof CloudflareApiError && !(error instanceof CloudflareAuthError));
    assert.equal(error.message, 'Cloudflare 9005: one. Cloudflare 9021: two');
    assert.deepEqual(error.codes, [9005, 9021]);
    assert.ok(error instanceof CloudflareError && error instanceof Error);
    assert.equal(error.name, 'CloudflareApiError');
  });

  it('picks the error class from the status and the codes', () => {
    const classOf = (status: number, errors: unknown[] = []): string =>
      errorFromResponse({ status, headers: {}, text: body(errors) }, request, 0).constructor.name;
    assert.equal(classOf(401), 'CloudflareAuthError');
    assert.equal(classOf(403), 'CloudflareAuthError');
    assert.equal(
      classOf(400, [{ code: 9106, message: 'Missing X-Auth-Key, X-Auth-Email or Authorization headers' }]),
      'CloudflareAuthError',
    );
    assert.equal(classOf(404), 'CloudflareNotFoundError');
    assert.equal(classOf(400, [{ code: 7003, message: 'Could not route' }]), 'CloudflareNotFoundError');
    assert.equal(classOf(429), 'CloudflareRateLimitError');
    assert.equal(classOf(409), 'CloudflareApiError');
    assert.equal(classOf(500), 'CloudflareApiError');
  });

  it('reads Retry-After into a rate-limit error', () => {
    const error = errorFromResponse({ status: 429, headers: { 'retry-after': '42' }, text: '' }, request, 0);
    assert.ok(error instanceof CloudflareRateLimitError);
    assert.equal(error.retryAfterMs, 42_000);
    assert.equal(
      error.message,
      'Cloudflare answered HTTP 429 to POST /zones/z1/dns_records. Cloudflare limits API calls to 1,200 per 5 minutes; try again in 42 s.',
    );
  });

  it('ignores malformed entries of errors[]', () => {
    const error = errorFromResponse(
      {
        status: 400,
        headers: {},
        text: body([{ code: 'x' }, 'nope', { code: 81044, message: 'Record does not exist.' }]),
      },
      request,
      0,
    );
    assert.ok(error instanceof CloudflareNotFoundError);
    assert.deepEqual(error.codes, [81044]);
  });

  it('rejects 2xx bodies that are not an envelope', () => {
    assert.throws(() => parseEnvelope({ status: 200, headers: {}, text: '[1,2]' }, request), CloudflareResponseError);
    assert.throws(() => parseEnvelope({ status: 200, headers: {}, text: '{' }, request), /the body is not JSON/);
    assert.deepEqual(parseEnvelope({ status: 200, headers: {}, text: '{"success":true,"result":1}' }, request), {
      success: true,
      result: 1,
    });
  });

  it('describes timeouts, cancellation and network failures without the query string', () => {
    const timeout = new CloudflareTimeoutError(1500, { ...request, attempts: 3 });
    assert.equal(
      timeout.message,
      'Cloudflare did not answer POST /zones/z1/dns_records within 1.5 s (after 3 attempts). Check the network connection, or raise the request timeout.',
    );
    assert.equal(new CloudflareTimeoutError(100, request, undefined, true).mayHaveBeenApplied, true);
    assert.equal(new CloudflareCancelledError(request).message, 'POST /zones/z1/dns_records was cancelled.');
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const network = new CloudflareNetworkError(
      'https://api.cloudflare.com',
      request,
      new Error('fetch failed', { cause }),
    );
    assert.equal(network.code, 'ECONNREFUSED');
    assert.match(
      network.message,
      /^Cannot reach Cloudflare at https:\/\/api\.cloudflare\.com \(ECONNREFUSED\) for POST \/zones\/z1\/dns_records\. /,
    );
    assert.equal(network.kind, 'network');
  });

  it('formats durations for people', () => {
    assert.deepEqual([0, 250, 1000, 1500, 42_000, 119_000, 300_000, 301_000].map(formatDuration), [
      '0 ms',
      '250 ms',
      '1 s',
      '1.5 s',
      '42 s',
      '119 s',
      '5 min',
      '6 min',
    ]);
  });
});
