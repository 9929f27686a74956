import * as assert from 'node:assert/strict';
import { buildRecordBody, checkTtl } from '../../../client/src/text/recordForm';

function errorOf(result: ReturnType<typeof buildRecordBody>): string | undefined {
  return 'error' in result ? result.error : undefined;
}

describe('record form validation', () => {
  it('accepts Cloudflare TTLs only: 1 or 60..86400', () => {
    assert.deepEqual(['1', '60', '86400', '300'].map(checkTtl), [undefined, undefined, undefined, undefined]);
    for (const bad of ['0', '30', '59', '86401', '1.5', 'abc', '']) assert.ok(checkTtl(bad), `${bad} is refused`);
  });

  it('builds an A record body with proxied and comment', () => {
    const result = buildRecordBody('example.com', {
      name: 'www',
      type: 'a',
      rdata: '192.0.2.7',
      ttl: 1,
      proxied: true,
      comment: ' front ',
    });
    assert.deepEqual(result, {
      body: { type: 'A', name: 'www.example.com', content: '192.0.2.7', ttl: 1, proxied: true, comment: 'front' },
    });
  });

  it('builds an MX body with the priority apart and the apex as @', () => {
    const result = buildRecordBody('example.com', { name: '@', type: 'MX', rdata: '10 mail', ttl: 3600 });
    assert.ok('body' in result, errorOf(result));
    assert.deepEqual(
      [result.body.name, result.body.priority, result.body.content],
      ['example.com', 10, 'mail.example.com'],
    );
  });

  it("refuses rdata that the zone core's checks reject, with their message", () => {
    assert.ok(errorOf(buildRecordBody('example.com', { name: 'a', type: 'A', rdata: '999.1.2.3', ttl: 300 })));
    assert.ok(errorOf(buildRecordBody('example.com', { name: 'a', type: 'AAAA', rdata: '192.0.2.1', ttl: 300 })));
    assert.ok(errorOf(buildRecordBody('example.com', { name: 'a', type: 'MX', rdata: 'mail.example.com.', ttl: 300 })));
    assert.ok(errorOf(buildRecordBody('example.com', { name: 'a', type: 'NOPE', rdata: 'x', ttl: 300 })));
  });

  it('refuses names outside the zone, bad TTLs, empty data and proxied non-proxiable types', () => {
    assert.match(
      errorOf(buildRecordBody('example.com', { name: 'www.other.net.', type: 'A', rdata: '192.0.2.1', ttl: 300 })) ??
        '',
      /outside the zone/,
    );
    assert.match(
      errorOf(buildRecordBody('example.com', { name: 'a', type: 'A', rdata: '192.0.2.1', ttl: 30 })) ?? '',
      /60 to 86400/,
    );
    assert.match(errorOf(buildRecordBody('example.com', { name: 'a', type: 'A', rdata: ' ', ttl: 300 })) ?? '', /data/);
    assert.match(
      errorOf(buildRecordBody('example.com', { name: 'a', type: 'MX', rdata: '10 mail', ttl: 300, proxied: true })) ??
        '',
      /cannot be proxied/,
    );
    assert.match(
      errorOf(buildRecordBody('example.com', { name: 'a b', type: 'A', rdata: '192.0.2.1', ttl: 300 })) ?? '',
      /spaces/,
    );
  });
});
