/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument -- the tests read JSON answers (result: any) and assert the shape of each field they use */
import assert from 'node:assert/strict';
import { errorCode, startTestApi, type TestApi } from './helpers';

describe('emulator: authentication', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi({ email: 'admin@example.com', globalKey: '0123456789abcdef0123456789abcdef01234' });
  });
  after(async () => {
    await api.emulator.stop();
  });

  const zones = (headers: Record<string, string>) =>
    fetch(`${api.emulator.url}/zones`, { headers }).then(async (response) => ({
      status: response.status,
      body: (await response.json()) as {
        success: boolean;
        result: unknown;
        errors: { code: number; message: string; error_chain?: { code: number; message?: string }[] }[];
      },
    }));

  it('accepts the configured Bearer token', async () => {
    const answer = await zones({ authorization: 'Bearer test-token' });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.success, true);
  });

  it('accepts email + global key together', async () => {
    const answer = await zones({
      'x-auth-email': 'admin@example.com',
      'x-auth-key': '0123456789abcdef0123456789abcdef01234',
    });
    assert.equal(answer.status, 200);
  });

  it('answers a missing credential with 9106', async () => {
    const answer = await zones({});
    assert.equal(answer.status, 400);
    assert.equal(answer.body.errors[0]?.code, 9106);
    assert.equal(answer.body.result, null);
  });

  it('answers a malformed Authorization header with 6003 / 6111', async () => {
    for (const authorization of ['Bearer', 'Basic abc', 'Bearer two words', 'Bearer bad"token']) {
      const answer = await zones({ authorization });
      assert.equal(answer.status, 400, authorization);
      assert.equal(answer.body.errors[0]?.code, 6003);
      assert.equal(answer.body.errors[0]?.error_chain?.[0]?.code, 6111);
    }
  });

  it('answers a well-formed unknown token with 401 / 1000 (GUESS)', async () => {
    for (const token of ['A'.repeat(40), 'Yq-n_xWAQiiEh9qM58wZNnyQS7FUdoqGIUAbrh7T', `cfat_${'x'.repeat(42)}`]) {
      const answer = await zones({ authorization: `Bearer ${token}` });
      assert.equal(answer.status, 401, token);
      assert.equal(answer.body.errors[0]?.code, 1000);
    }
  });

  it('answers a token not in Cloudflare format, such as a global key, with 400 / 6003 / 6111', async () => {
    // semantics.md section 4 (ISSUE jeessy2/ddns-go#916): a malformed bearer token is a header format error.
    for (const token of ['0123456789abcdef0123456789abcdef01234', 'wrong-token', 'A'.repeat(41), 'cfat_short']) {
      const answer = await zones({ authorization: `Bearer ${token}` });
      assert.equal(answer.status, 400, token);
      assert.equal(answer.body.errors[0]?.code, 6003);
      assert.equal(answer.body.errors[0]?.message, 'Invalid request headers');
      assert.deepEqual(answer.body.errors[0]?.error_chain, [
        { code: 6111, message: 'Invalid format for Authorization header' },
      ]);
    }
  });

  it('answers a token sent as X-Auth-Key with 6003 / 6103, a wrong key with 9103, a bad email with 6102', async () => {
    const asKey = await zones({ 'x-auth-email': 'admin@example.com', 'x-auth-key': 'test-token' });
    assert.equal(asKey.body.errors[0]?.error_chain?.[0]?.code, 6103);
    const wrongKey = await zones({ 'x-auth-email': 'admin@example.com', 'x-auth-key': 'abcdef' });
    assert.equal(wrongKey.status, 403);
    assert.equal(wrongKey.body.errors[0]?.code, 9103);
    const badEmail = await zones({ 'x-auth-email': 'nobody', 'x-auth-key': 'abcdef' });
    assert.equal(badEmail.body.errors[0]?.error_chain?.[0]?.code, 6102);
  });

  it('verifies a token, and only a token', async () => {
    const answer = await api.call('GET', '/user/tokens/verify');
    assert.equal(answer.status, 200);
    assert.equal(answer.body.result.status, 'active');
    assert.match(answer.body.result.id, /^[0-9a-f]{32}$/);
    assert.equal(answer.body.messages[0]?.message, 'This API Token is valid and active');
    const withKey = await fetch(`${api.emulator.url}/user/tokens/verify`, {
      headers: { 'x-auth-email': 'admin@example.com', 'x-auth-key': '0123456789abcdef0123456789abcdef01234' },
    });
    assert.equal(withKey.status, 400);
    assert.equal(((await withKey.json()) as { errors: { code: number }[] }).errors[0]?.code, 1001);
  });

  it('checks credentials on every route, including record routes', async () => {
    const answer = await api.call('GET', api.records, undefined, { authorization: `Bearer ${'n'.repeat(40)}` });
    assert.equal(errorCode(answer), 1000);
  });

  it('lets a read-only token read but not write (403 / 10000)', async () => {
    const readOnly = await startTestApi({ readOnlyToken: 'reader' });
    try {
      const headers = { authorization: 'Bearer reader' };
      assert.equal((await readOnly.call('GET', readOnly.records, undefined, headers)).status, 200);
      const write = await readOnly.call(
        'POST',
        readOnly.records,
        { type: 'A', name: 'x', content: '192.0.2.1' },
        headers,
      );
      assert.equal(write.status, 403);
      assert.equal(errorCode(write), 10000);
      assert.equal(write.body.errors[0]?.message, 'Authentication error');
      assert.equal(readOnly.emulator.records('example.com').length, 0);
    } finally {
      await readOnly.emulator.stop();
    }
  });

  it('generates a 40-character token when none is configured', async () => {
    const generated = await startTestApi({ token: undefined });
    try {
      assert.match(generated.emulator.token, /^[A-Za-z0-9_-]{40}$/);
      assert.equal((await generated.call('GET', '/zones')).status, 200);
    } finally {
      await generated.emulator.stop();
    }
  });
});
