import * as assert from 'node:assert/strict';
import { defaultViewQuery, describeViewQuery, isFiltered, listQueryOf } from '../../../client/src/views/viewQuery';

describe('the records view query', () => {
  it('sends only the sort and paging when nothing is filtered', () => {
    assert.equal(isFiltered(defaultViewQuery), false);
    assert.deepEqual(listQueryOf(defaultViewQuery, 1, 1000), {
      order: 'name',
      direction: 'asc',
      page: 1,
      per_page: 1000,
    });
    assert.equal(describeViewQuery(defaultViewQuery), '');
  });

  it('maps the filter, search and sort onto the list endpoint parameters', () => {
    const query = {
      type: 'MX' as const,
      nameContains: 'mail',
      contentContains: 'example',
      search: 'backup',
      order: 'ttl' as const,
      direction: 'desc' as const,
    };
    assert.equal(isFiltered(query), true);
    assert.deepEqual(listQueryOf(query, 3, 50), {
      search: 'backup',
      type: 'MX',
      name: { contains: 'mail' },
      content: { contains: 'example' },
      order: 'ttl',
      direction: 'desc',
      page: 3,
      per_page: 50,
    });
    assert.equal(
      describeViewQuery(query),
      'type MX · name ∋ "mail" · content ∋ "example" · search "backup" · by ttl desc',
    );
  });
});
