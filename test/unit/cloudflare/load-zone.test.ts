import * as assert from 'node:assert/strict';
import path from 'node:path';
import { loadZoneForSync } from '../../../cloudflare/src/index';

const soa = '@ 3600 IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300\n';

describe('loading a zone file for a sync', () => {
  it('takes the zone from the file and turns its records into what Cloudflare should hold', () => {
    const text = `$ORIGIN Example.COM.\n$TTL 300\n${soa}www IN A 192.0.2.1\n`;
    const loaded = loadZoneForSync({ text, path: '/zones/anything.txt' });
    assert.ok(loaded.ok);
    assert.equal(loaded.zone, 'example.com');
    assert.deepEqual(
      loaded.desired.map((record) => [record.name, record.type, record.display]),
      [['www.example.com', 'A', '192.0.2.1']],
    );
    assert.ok(loaded.skipped.some((skip) => skip.reason.includes('SOA')));
  });

  it('parses with the zone it is given, whatever the file says', () => {
    const loaded = loadZoneForSync(
      { text: '$TTL 300\nwww IN A 192.0.2.1\n', path: '/z/x.txt' },
      { zone: 'Example.NET.' },
    );
    assert.ok(loaded.ok);
    assert.equal(loaded.zone, 'example.net');
    assert.equal(loaded.desired[0]?.name, 'www.example.net');
  });

  it('follows $INCLUDE through the reader it is given', () => {
    const files = new Map([['/zones/hosts.inc', 'mail IN A 192.0.2.9\n']]);
    const text = `$ORIGIN example.com.\n$TTL 300\n${soa}$INCLUDE hosts.inc\n`;
    const loaded = loadZoneForSync({
      text,
      path: '/zones/example.com.zone',
      readFile: (file) => files.get(file),
      pathOperations: path.posix,
    });
    assert.ok(loaded.ok);
    assert.deepEqual(
      loaded.desired.map((record) => record.name),
      ['mail.example.com'],
    );
  });

  it('refuses a file that names no zone, saying how to name one', () => {
    const loaded = loadZoneForSync({ text: '$TTL 300\nwww IN A 192.0.2.1\n', path: '/z/records.txt' });
    assert.ok(!loaded.ok);
    assert.equal(loaded.reason, 'unknown-zone');
    assert.match(loaded.message, /records\.txt.*\$ORIGIN example\.com\./);
  });

  it('blocks on lint errors, listing each with file, line and column', () => {
    const text = `$ORIGIN example.com.\n$TTL 300\n${soa}www IN CNAME a.example.net.\nwww IN A 192.0.2.1\n`;
    const loaded = loadZoneForSync({ text, path: '/zones/example.com.zone' });
    assert.ok(!loaded.ok && loaded.reason === 'lint-errors');
    assert.ok(loaded.errors.length > 0);
    assert.match(loaded.message, /^example\.com\.zone has \d+ lint errors?; fix (it|them) before syncing:/);
    assert.match(loaded.message, /\/zones\/example\.com\.zone:\d+:\d+: error \S+/);
  });

  it('applies the lint settings it is given', () => {
    const text = `$ORIGIN example.com.\n$TTL 300\n${soa}www IN CNAME a.example.net.\nwww IN A 192.0.2.1\n`;
    const off = loadZoneForSync({ text, path: '/z/example.com.zone' });
    assert.ok(!off.ok && off.reason === 'lint-errors');
    const rules = Object.fromEntries(off.errors.map((error) => [error.code, 'warning' as const]));
    const loaded = loadZoneForSync(
      { text, path: '/z/example.com.zone' },
      { lintSettings: { profile: 'cloudflare', rules } },
    );
    assert.ok(loaded.ok);
    assert.ok(loaded.warnings.length >= off.errors.length);
  });
});
