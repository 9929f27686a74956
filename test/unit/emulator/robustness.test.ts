import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Emulator } from '../../../emulator/src/index';

/**
 * Whatever a client sends, the emulator answers with an envelope (2xx or 4xx), never an internal error, and a
 * refused batch leaves the zone as it was. Driven through Emulator.handle, the code under the HTTP layer.
 */
describe('emulator: robustness on arbitrary requests', () => {
  const emulator = new Emulator({ token: 'robust' });
  const zoneId = emulator.zones.all()[0]?.info.id ?? '';
  const headers = { authorization: 'Bearer robust' };
  const send = (method: string, path: string, body: unknown, query = '') =>
    emulator.handle({
      method,
      path,
      query: new URLSearchParams(query),
      headers,
      body: Buffer.from(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)),
    });
  const types = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA', 'LOC', 'HTTPS', 'URI', 'TLSA', 'soa', 'X'];
  const recordBody = fc.record(
    {
      type: fc.constantFrom(...types),
      name: fc.oneof(fc.constantFrom('@', 'www', 'bücher', '*.x', '', 'a..b', 'x'.repeat(70)), fc.string()),
      content: fc.oneof(
        fc.constantFrom('192.0.2.1', '::1', 'host.example.net', '"txt"', '.'),
        fc.string(),
        fc.integer(),
      ),
      data: fc.oneof(
        fc.object(),
        fc.record({ priority: fc.integer(), weight: fc.integer(), port: fc.integer(), target: fc.string() }),
      ),
      ttl: fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.string(), fc.constant(null)),
      proxied: fc.oneof(fc.boolean(), fc.string()),
      priority: fc.oneof(fc.integer(), fc.string()),
      comment: fc.oneof(fc.string(), fc.constant(null)),
      tags: fc.oneof(fc.array(fc.string()), fc.string()),
      settings: fc.oneof(fc.object(), fc.constant(null)),
    },
    { requiredKeys: [] },
  );

  it('answers create and list requests with an envelope and never a 500', () => {
    fc.assert(
      fc.property(recordBody, fc.string(), (body, query) => {
        for (const answer of [
          send('POST', `/zones/${zoneId}/dns_records`, body),
          send('GET', `/zones/${zoneId}/dns_records`, undefined, query),
        ]) {
          assert.ok(answer.status < 500, `status ${answer.status}`);
          const envelope = answer.body as { success: boolean; errors: unknown[] };
          assert.equal(envelope.success, answer.status === 200);
          if (!envelope.success) assert.ok(envelope.errors.length >= 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('applies a batch completely or not at all', () => {
    const ids = () =>
      emulator.zones
        .all()[0]
        ?.records.all()
        .map((record) => record.id) ?? [];
    fc.assert(
      fc.property(
        fc.record({
          deletes: fc.array(fc.record({ id: fc.string() })),
          posts: fc.array(recordBody, { maxLength: 5 }),
          patches: fc.array(recordBody, { maxLength: 3 }),
        }),
        (batch) => {
          const before = JSON.stringify(emulator.records(zoneId));
          const existing = ids();
          const request = {
            ...batch,
            deletes: batch.deletes.map((item, index) => ({ id: existing[index] ?? item.id })),
            patches: batch.patches.map((item, index) => ({
              ...item,
              id: existing[existing.length - 1 - index] ?? 'x',
            })),
          };
          const answer = send('POST', `/zones/${zoneId}/dns_records/batch`, request);
          assert.ok(answer.status < 500);
          if (answer.status !== 200) assert.equal(JSON.stringify(emulator.records(zoneId)), before);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers malformed bodies, paths and methods with an envelope', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
        fc.string(),
        fc.string(),
        (method, tail, body) => {
          const answer = send(method, `/zones/${zoneId}/dns_records/${tail}`, body);
          assert.ok(answer.status < 500, `${method} ${tail}: ${answer.status}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
