import * as assert from 'node:assert/strict';
import { extensionApi, testEnv } from '../helpers';

describe('log channel', () => {
  it('logs the API requests without the token', async () => {
    const api = await extensionApi();
    const lines = api.logLines();
    assert.ok(
      lines.some((line) => /^GET \/zones\?.* → 200 in \d+ ms/.test(line)),
      'requests are logged',
    );
    assert.ok(lines.some((line) => /^POST \/zones\/[0-9a-f]{32}\/dns_records\/batch → 200/.test(line)));
    assert.equal(lines.filter((line) => line.includes(testEnv.token)).length, 0);
  });
});
