import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { recordsQueryParams, zonesQueryParams } from '../../cloudflare/src/api/query';
import { RECORD_TYPES, type ListRecordsQuery, type ListZonesQuery } from '../../cloudflare/src/api/types';
import { OpenApiValidator, specUnavailable, type Exchange } from './support/openapi-validator';

const ZONE = '023e105f4ecef8ad9ca31a8372d0c353';
const text = fc.string({ maxLength: 12, unit: 'grapheme' });
const textFilter = fc.record({ exact: text, contains: text, startswith: text, endswith: text }, { requiredKeys: [] });
const tagValues = fc.oneof(text, fc.array(text, { maxLength: 3 }));

const recordsQuery: fc.Arbitrary<ListRecordsQuery> = fc.record(
  {
    name: fc.oneof(text, textFilter),
    type: fc.constantFrom(...RECORD_TYPES),
    content: fc.oneof(text, textFilter),
    proxied: fc.boolean(),
    match: fc.constantFrom('any', 'all'),
    comment: fc.oneof(
      text,
      fc.record({ exact: text, contains: text, present: fc.boolean(), absent: fc.boolean() }, { requiredKeys: [] }),
    ),
    tag: fc.oneof(
      text,
      fc.record(
        {
          present: tagValues,
          absent: tagValues,
          exact: tagValues,
          contains: tagValues,
          startswith: tagValues,
          endswith: tagValues,
        },
        { requiredKeys: [] },
      ),
    ),
    tag_match: fc.constantFrom('any', 'all'),
    search: text,
    order: fc.constantFrom('type', 'name', 'content', 'ttl', 'proxied'),
    direction: fc.constantFrom('asc', 'desc'),
    page: fc.integer({ min: 1, max: 1_000_000 }),
    per_page: fc.integer({ min: 1, max: 5_000_000 }),
  },
  { requiredKeys: [] },
);

const zonesQuery: fc.Arbitrary<ListZonesQuery> = fc.record(
  {
    name: fc.string({ maxLength: 40 }),
    status: fc.constantFrom('initializing', 'pending', 'active', 'moved'),
    type: fc.uniqueArray(fc.constantFrom('full', 'partial', 'secondary', 'internal'), { minLength: 1 }),
    'account.id': fc.string({ maxLength: 32 }),
    page: fc.integer({ min: 1, max: 1000 }),
    per_page: fc.integer({ min: 5, max: 50 }),
    order: fc.constantFrom('name', 'status', 'account.id', 'account.name', 'plan.id'),
    direction: fc.constantFrom('asc', 'desc'),
    match: fc.constantFrom('any', 'all'),
  },
  { requiredKeys: [] },
);

function get(url: string): Exchange {
  return {
    method: 'GET',
    url,
    requestHeaders: { authorization: 'Bearer token' },
    requestBody: Buffer.alloc(0),
    status: 200,
    responseHeaders: {},
    responseBody: Buffer.alloc(0),
  };
}

describe('contract: list query strings', function () {
  let validator: OpenApiValidator;

  before(function () {
    const missing = specUnavailable();
    if (missing !== undefined) {
      console.warn(`skipping the query contract tests: ${missing}`);
      this.skip();
    }
    validator = new OpenApiValidator();
  });

  it('every records query the client can build uses only declared, well-typed parameters', async () => {
    await fc.assert(
      fc.asyncProperty(recordsQuery, async (query) => {
        const url = `/client/v4/zones/${ZONE}/dns_records?${recordsQueryParams(query).toString()}`;
        assert.deepEqual(await validator.validateRequest(get(url)), []);
      }),
      { numRuns: 200 },
    );
  });

  it('every zones query the client can build uses only declared, well-typed parameters', async () => {
    await fc.assert(
      fc.asyncProperty(zonesQuery, async (query) => {
        assert.deepEqual(
          await validator.validateRequest(get(`/client/v4/zones?${zonesQueryParams(query).toString()}`)),
          [],
        );
      }),
      { numRuns: 200 },
    );
  });

  it('carries every filter value unchanged', () => {
    fc.assert(
      fc.property(recordsQuery, (query) => {
        const params = new URLSearchParams(recordsQueryParams(query).toString());
        for (const field of ['name', 'content'] as const) {
          const filter = query[field];
          if (typeof filter === 'string') assert.deepEqual(params.getAll(field), [filter]);
          else
            for (const [operator, value] of Object.entries(filter ?? {}))
              assert.deepEqual(params.getAll(`${field}.${operator}`), [value]);
        }
        if (typeof query.tag === 'object') {
          for (const [operator, value] of Object.entries(query.tag)) {
            assert.deepEqual(params.getAll(`tag.${operator}`), typeof value === 'string' ? [value] : value);
          }
        }
        if (typeof query.comment === 'object') {
          assert.equal(params.has('comment.present'), query.comment.present === true);
          assert.equal(params.has('comment.absent'), query.comment.absent === true);
        }
        for (const key of ['type', 'search', 'order', 'direction', 'match', 'tag_match'] as const) {
          assert.equal(params.get(key), query[key] ?? null);
        }
        assert.equal(params.get('per_page'), query.per_page === undefined ? null : String(query.per_page));
        assert.equal(params.get('proxied'), query.proxied === undefined ? null : String(query.proxied));
      }),
      { numRuns: 300 },
    );
  });
});
