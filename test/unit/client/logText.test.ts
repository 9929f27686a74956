import * as assert from 'node:assert/strict';
import { formatRequestLogEntry, redact } from '../../../client/src/text/logText';

describe('log text', () => {
  it('removes every secret from a message', () => {
    assert.equal(
      redact('token abc123 and abc123 again, key k-999', ['abc123', 'k-999']),
      'token [redacted] and [redacted] again, key [redacted]',
    );
    assert.equal(redact('short ab stays', ['ab']), 'short ab stays');
  });

  it('logs a request by method, path, status and time', () => {
    assert.equal(
      formatRequestLogEntry({
        method: 'GET',
        path: '/zones?page=1',
        attempt: 1,
        status: 200,
        durationMs: 12.4,
        outcome: 'ok',
      }),
      'GET /zones?page=1 → 200 in 12 ms',
    );
    assert.equal(
      formatRequestLogEntry({
        method: 'POST',
        path: '/x',
        attempt: 2,
        status: 429,
        durationMs: 3,
        outcome: 'retry',
        retryInMs: 1000,
      }),
      'POST /x → 429 in 3 ms (attempt 2); retrying in 1000 ms',
    );
    assert.equal(
      formatRequestLogEntry({
        method: 'GET',
        path: '/y',
        attempt: 1,
        durationMs: 5,
        outcome: 'error',
        error: 'network',
      }),
      'GET /y → network in 5 ms; failed',
    );
  });
});
