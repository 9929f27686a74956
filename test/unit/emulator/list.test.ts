/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- the tests read JSON answers (result: any) and assert the shape of each field they use */
import assert from 'node:assert/strict';
import { errorCode, startTestApi, type TestApi } from './helpers';

describe('emulator: list filters, order and paging', () => {
  let api: TestApi;
  before(async () => {
    api = await startTestApi({ plan: 'pro' });
    const records = [
      { type: 'A', name: 'www', content: '192.0.2.1', ttl: 300, comment: 'Web server', tags: ['env:prod', 'team:web'] },
      { type: 'A', name: 'www', content: '192.0.2.2', ttl: 600, proxied: true, tags: ['env:staging'] },
      { type: 'AAAA', name: 'www', content: '2001:db8::1', ttl: 300 },
      { type: 'CNAME', name: 'blog', content: 'hosting.example.net', ttl: 3600, comment: 'Hello, world' },
      { type: 'MX', name: '@', content: 'mail.example.com', priority: 10, ttl: 3600 },
      { type: 'TXT', name: '@', content: 'v=spf1 mx -all', ttl: 300, tags: ['owner:Mail Team'] },
      { type: 'A', name: 'mail', content: '198.51.100.7', ttl: 300 },
    ];
    for (const record of records) assert.equal((await api.create(record)).status, 200);
  });
  after(async () => {
    await api.emulator.stop();
  });

  async function list(query: string): Promise<string[]> {
    const answer = await api.call('GET', `${api.records}?${query}`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body.errors));
    return (answer.body.result as { type: string; name: string; content: string }[]).map(
      (record) => `${record.type} ${record.name} ${record.content}`,
    );
  }

  it('filters by name with every operator, case-insensitively', async () => {
    assert.equal((await list('name=WWW.example.com')).length, 3);
    assert.equal((await list('name.exact=www.example.com.')).length, 3);
    assert.deepEqual(await list('name.startswith=bl'), ['CNAME blog.example.com hosting.example.net']);
    assert.equal((await list('name.endswith=.example.com')).length, 5);
    assert.equal((await list('name.contains=ai')).length, 1);
  });

  it('filters by type, content, proxied and comment', async () => {
    assert.equal((await list('type=A')).length, 3);
    assert.deepEqual(await list('content=2001:DB8::1'), ['AAAA www.example.com 2001:db8::1']);
    assert.equal((await list('content.startswith=192.0.2.')).length, 2);
    assert.equal((await list('content.contains=spf1')).length, 1);
    assert.deepEqual(await list('proxied=true'), ['A www.example.com 192.0.2.2']);
    assert.equal((await list('comment.present')).length, 2);
    assert.equal((await list('comment.absent=1')).length, 5);
    assert.deepEqual(await list('comment.contains=ello, worl'), ['CNAME blog.example.com hosting.example.net']);
    assert.deepEqual(await list('comment=web%20SERVER'), ['A www.example.com 192.0.2.1']);
  });

  it('filters by tags, combining tag conditions with tag_match', async () => {
    assert.equal((await list('tag=env')).length, 2, 'tag=<name> is tag.present');
    assert.deepEqual(await list('tag=env:prod'), ['A www.example.com 192.0.2.1'], 'tag=<name>:<value> is tag.exact');
    assert.equal((await list('tag.absent=env')).length, 5);
    assert.deepEqual(await list('tag.startswith=env:stag'), ['A www.example.com 192.0.2.2']);
    assert.deepEqual(await list('tag.contains=owner:mail'), ['TXT example.com v=spf1 mx -all']);
    assert.equal((await list('tag.present=env&tag.present=team')).length, 1, 'tag_match=all by default');
    assert.equal((await list('tag.present=env&tag.present=team&tag_match=any')).length, 2);
  });

  it('combines filters with match=all (default) or match=any', async () => {
    assert.equal((await list('type=A&name=www.example.com')).length, 2);
    assert.equal((await list('type=CNAME&name=mail.example.com&match=any')).length, 2);
    assert.equal((await list('type=MX&tag=env&match=any')).length, 3);
  });

  it('searches name, content, comment and tags', async () => {
    assert.equal((await list('search=mail')).length, 3);
    assert.deepEqual(await list('search=hello'), ['CNAME blog.example.com hosting.example.net']);
  });

  it('orders by type by default and by name, content, ttl or proxied in either direction', async () => {
    const byType = await list('');
    assert.deepEqual(
      byType.map((line) => line.split(' ')[0]),
      ['A', 'A', 'A', 'AAAA', 'CNAME', 'MX', 'TXT'],
    );
    const ttls = async (query: string) =>
      ((await api.call('GET', `${api.records}?${query}`)).body.result as { ttl: number }[]).map((record) => record.ttl);
    assert.deepEqual(await ttls('order=ttl'), [1, 300, 300, 300, 300, 3600, 3600]);
    assert.deepEqual(await ttls('order=ttl&direction=desc'), [3600, 3600, 300, 300, 300, 300, 1]);
    const byNameDown = (await list('order=name&direction=desc')).map((line) => line.split(' ')[1]);
    assert.deepEqual(byNameDown, [...byNameDown].sort().reverse());
    assert.equal(byNameDown[0], 'www.example.com');
    assert.deepEqual((await list('order=proxied&direction=desc'))[0], 'A www.example.com 192.0.2.2');
    const byContent = await list('order=content');
    assert.deepEqual(
      [byContent[0], byContent.at(-1)],
      ['A www.example.com 192.0.2.1', 'TXT example.com v=spf1 mx -all'],
      'TXT content sorts as sent (Cloudflare adds no quotes)',
    );
  });

  it('pages with result_info and answers an empty page past the end', async () => {
    const pages: string[][] = [];
    for (let page = 1; page <= 4; page += 1) {
      const answer = await api.call('GET', `${api.records}?per_page=3&page=${page}`);
      assert.equal(answer.status, 200);
      pages.push(answer.body.result.map((record: { id: string }) => record.id));
      assert.deepEqual(answer.body.result_info, {
        page,
        per_page: 3,
        count: [3, 3, 1, 0][page - 1],
        total_count: 7,
        total_pages: 3,
      });
    }
    assert.equal(new Set(pages.flat()).size, 7, 'every record exactly once over the pages');
    const defaults = await api.call('GET', api.records);
    assert.equal(defaults.body.result_info?.per_page, 100);
    assert.equal(defaults.body.result_info?.page, 1);
  });

  it('refuses bad parameters with a 400 envelope', async () => {
    for (const query of [
      'per_page=0',
      'page=0',
      'per_page=5000001',
      'order=priority',
      'direction=up',
      'match=some',
      'tag.exact=env',
    ]) {
      const answer = await api.call('GET', `${api.records}?${query}`);
      assert.equal(answer.status, 400, query);
      assert.equal(errorCode(answer), 1004, query);
    }
  });

  it('lists zones with name filters and paging', async () => {
    const multi = await startTestApi({
      zones: [{ name: 'example.com' }, { name: 'example.org' }, { name: 'other.net' }],
    });
    try {
      const names = async (query: string) =>
        ((await multi.call('GET', `/zones?${query}`)).body.result as { name: string }[]).map((zone) => zone.name);
      assert.deepEqual(await names(''), ['example.com', 'example.org', 'other.net']);
      assert.deepEqual(await names('name=example.org'), ['example.org']);
      assert.deepEqual(await names('name=contains:example'), ['example.com', 'example.org']);
      assert.deepEqual(await names('name=ends_with:.net'), ['other.net']);
      assert.deepEqual(await names('name=contains_case_sensitive:EXAMPLE'), []);
      assert.deepEqual(await names('name=other.net&account.name=contains:emulator'), ['other.net']);
      assert.deepEqual(await names('name=other.net&account.id=nope'), []);
      assert.deepEqual(await names('direction=desc&per_page=5'), ['other.net', 'example.org', 'example.com']);
      const answer = await multi.call('GET', '/zones?per_page=5&page=2');
      assert.deepEqual(answer.body.result, []);
      assert.equal(answer.body.result_info?.total_count, 3);
    } finally {
      await multi.emulator.stop();
    }
  });

  it('clamps a zones per_page outside 5..50 instead of refusing it (GUESS: certbot sends per_page=1)', async () => {
    const perPage = async (query: string) => {
      const answer = await api.call('GET', `/zones?${query}`);
      assert.equal(answer.status, 200, `${query}: ${JSON.stringify(answer.body.errors)}`);
      return [answer.body.result_info?.per_page, (answer.body.result as unknown[]).length];
    };
    assert.deepEqual(await perPage('name=example.com&per_page=1'), [5, 1]);
    assert.deepEqual(await perPage('per_page=0'), [5, 1]);
    assert.deepEqual(await perPage('per_page=51'), [50, 1]);
    assert.deepEqual(await perPage('per_page=5000'), [50, 1]);
    assert.equal(errorCode(await api.call('GET', '/zones?per_page=ten')), 1004, 'not a number is still refused');
  });

  it('answers zone details with the fields of the zones list, and 7003 for an unknown zone', async () => {
    const listed = ((await api.call('GET', '/zones?name=example.com')).body.result as unknown[])[0];
    const details = await api.call('GET', `/zones/${api.zoneId}`);
    assert.equal(details.status, 200);
    assert.deepEqual(listed, details.body.result);
    assert.equal(details.body.result.id, api.zoneId);
    assert.equal(details.body.result.plan.id, 'pro');
    const unknown = await api.call('GET', '/zones/00000000000000000000000000000000');
    assert.equal(unknown.status, 400);
    assert.equal(errorCode(unknown), 7003);
    assert.equal((await api.call('DELETE', `/zones/${api.zoneId}`)).status, 405);
  });
});
