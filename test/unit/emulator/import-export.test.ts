import assert from 'node:assert/strict';
import { errorCode, importZone, recordLines, startTestApi, type TestApi } from './helpers';

const zoneFile = `$ORIGIN example.com.
$TTL 3600
@       IN SOA ns1.example.net. hostmaster.example.com. 2024010101 7200 3600 1209600 300
@       IN NS  ns1.example.net.
@       IN A   192.0.2.1 ; apex cf_tags=cf-proxied:true
www     300 IN CNAME example.com. ; Web alias cf_tags=owner:web-team,env:"prod, eu",cf-proxied:false
mail    IN A   192.0.2.25
@       IN MX  10 mail
@       IN TXT "v=spf1 mx -all"
_sip._tcp IN SRV 10 5 5060 sip.example.net.
@       IN CAA 0 issue "letsencrypt.org"
sub     IN NS  ns1.sub.example.net.
v6      IN AAAA 2001:DB8:0:0::1
`;

describe('emulator: import and export', () => {
  let api: TestApi;
  beforeEach(async () => {
    // These tests import more often than Cloudflare's 3 per minute (rate-limit.test.ts shows that limit), and their
    // zone files carry tags, which need a paid plan (limits.test.ts shows the Free plan's refusal).
    api = await startTestApi({ plan: 'pro', importRateLimit: { requests: 100, windowMs: 60_000 } });
  });
  afterEach(async () => {
    await api.emulator.stop();
  });

  it('imports BIND text with comments, tags and cf-proxied, skipping the SOA and the apex NS', async () => {
    const answer = await importZone(api, zoneFile, 'false');
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.body.result, { recs_added: 9, total_records_parsed: 11 });
    const records = api.emulator.records(api.zoneId);
    const www = records.find((record) => record['name'] === 'www.example.com');
    assert.equal(www?.['comment'], 'Web alias');
    assert.deepEqual(www?.['tags'], ['env:prod, eu', 'owner:web-team']);
    assert.equal(www?.['proxied'], false);
    assert.equal(www?.['content'], 'example.com');
    assert.equal(www?.['ttl'], 300);
    const apex = records.find((record) => record['name'] === 'example.com' && record['type'] === 'A');
    assert.equal(apex?.['proxied'], true, 'cf-proxied:true in the comment');
    const mx = records.find((record) => record['type'] === 'MX');
    assert.deepEqual([mx?.['priority'], mx?.['content']], [10, 'mail.example.com']);
    const srv = records.find((record) => record['type'] === 'SRV');
    assert.deepEqual(srv?.['data'], { priority: 10, weight: 5, port: 5060, target: 'sip.example.net' });
    assert.equal(records.find((record) => record['type'] === 'AAAA')?.['content'], '2001:db8::1');
    assert.equal(records.filter((record) => record['type'] === 'NS').length, 1, 'only the delegation NS');
  });

  it('proxies proxiable records when the form says proxied=true, unless cf-proxied says otherwise', async () => {
    const answer = await importZone(
      api,
      'a.example.com. 300 IN A 192.0.2.1\nb.example.com. 300 IN A 192.0.2.2 ; cf_tags=cf-proxied:false\nc.example.com. 300 IN TXT "x"\n',
      'true',
    );
    assert.equal(answer.status, 200, answer.text);
    const proxied = Object.fromEntries(
      api.emulator.records(api.zoneId).map((record) => [String(record['name']), record['proxied'] === true]),
    );
    assert.deepEqual(proxied, { 'a.example.com': true, 'b.example.com': false, 'c.example.com': false });
  });

  it('skips records that already exist and counts only what it added', async () => {
    await api.create({ type: 'A', name: 'a', content: '192.0.2.1' });
    const answer = await importZone(api, 'a.example.com. 300 IN A 192.0.2.1\nb.example.com. 300 IN A 192.0.2.2\n');
    assert.deepEqual(answer.body.result, { recs_added: 1, total_records_parsed: 2 });
  });

  it('refuses $INCLUDE, files over 256 KiB, and bad lines, adding nothing', async () => {
    const include = await importZone(api, 'a.example.com. 300 IN A 192.0.2.1\n$INCLUDE other.zone\n');
    assert.equal(include.status, 400);
    assert.match(include.body.errors[0]?.message ?? '', /line 2: \$INCLUDE directive not allowed/);

    const line = 'x.example.com. 300 IN TXT "' + 'y'.repeat(200) + '"\n';
    const large = await importZone(api, line.repeat(Math.ceil(262_145 / line.length)));
    assert.equal(large.status, 400);
    assert.match(large.body.errors[0]?.message ?? '', /import limit is 262144 bytes/);

    const bad = await importZone(api, 'a.example.com. 300 IN A 192.0.2.1\nb.example.com. 300 IN A 1.2.3\n');
    assert.equal(bad.status, 400);
    assert.match(bad.body.errors[0]?.message ?? '', /^line 2: /);

    const conflict = await importZone(
      api,
      'a.example.com. 300 IN A 192.0.2.1\na.example.com. 300 IN CNAME b.example.com.\n',
    );
    assert.equal(errorCode(conflict), 81053);
    assert.match(conflict.body.errors[0]?.message ?? '', /^line 2: /);

    const unsupported = await importZone(api, 'a.example.com. 300 IN HINFO "PC" "Linux"\n');
    assert.equal(unsupported.status, 400);
    assert.match(unsupported.body.errors[0]?.message ?? '', /does not serve HINFO/);
    assert.equal(api.emulator.records(api.zoneId).length, 0);
  });

  it('refuses a request that is not multipart or has no file part', async () => {
    const json = await api.call('POST', `${api.records}/import`, { file: 'x' });
    assert.equal(json.status, 400);
    assert.match(json.body.errors[0]?.message ?? '', /multipart\/form-data/);
    const form = new FormData();
    form.append('proxied', 'true');
    const response = await fetch(`${api.emulator.url}${api.records}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.emulator.token}` },
      body: form,
    });
    assert.equal(response.status, 400);
  });

  it('exports text/plain BIND that imports back to the same records', async () => {
    assert.equal((await importZone(api, zoneFile)).status, 200);
    await api.create({
      type: 'TXT',
      name: 'quote',
      content: 'say "hi" \\ bye',
      comment: 'odd = chars, here',
      tags: ['k:v=1'],
    });
    await api.create({
      type: 'LOC',
      name: 'where',
      data: {
        lat_degrees: 52,
        lat_minutes: 22,
        lat_seconds: 23,
        lat_direction: 'N',
        long_degrees: 4,
        long_minutes: 53,
        long_seconds: 32,
        long_direction: 'E',
        altitude: -2,
        size: 1,
        precision_horz: 10000,
        precision_vert: 10,
      },
    });
    await api.create({
      type: 'URI',
      name: '_ftp._tcp',
      priority: 10,
      data: { weight: 1, target: 'ftp://ftp.example.com/public' },
    });
    await api.create({ type: 'HTTPS', name: 'svc', data: { priority: 1, target: '.', value: 'alpn="h2,h3"' } });
    const before = recordLines(api, { canonical: true });

    const exported = await fetch(`${api.emulator.url}${api.records}/export`, {
      headers: { authorization: `Bearer ${api.emulator.token}` },
    });
    assert.equal(exported.status, 200);
    assert.match(exported.headers.get('content-type') ?? '', /^text\/plain/);
    const text = await exported.text();
    assert.match(text, /www\.example\.com\. 300 IN CNAME example\.com\. ; Web alias cf_tags=/);

    api.emulator.reset();
    assert.equal(api.emulator.records(api.zoneId).length, 0);
    const reimported = await importZone(api, text);
    assert.equal(reimported.status, 200, reimported.text);
    // Unquoted TXT content sent to the API comes back from the zone file quoted, as Cloudflare's export writes it.
    assert.deepEqual(recordLines(api, { canonical: true }), before);
  });
});
