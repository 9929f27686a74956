import * as assert from 'node:assert/strict';
import { redact } from '../../../client/src/text/logText';

describe('log text', () => {
  it('removes every secret from a message', () => {
    assert.equal(
      redact('token abc123 and abc123 again, key k-999', ['abc123', 'k-999']),
      'token [redacted] and [redacted] again, key [redacted]',
    );
    assert.equal(redact('short ab stays', ['ab']), 'short ab stays');
  });
});
