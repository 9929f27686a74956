import * as assert from 'node:assert/strict';
import { cloudflareZoneNameOf } from '../../../core/src/index';

describe('which Cloudflare zone a file stands for', () => {
  it('takes the first $ORIGIN, in lower case without the dot', () => {
    const text = '$ORIGIN Example.COM.\nwww 300 IN A 192.0.2.1\n$ORIGIN sub.example.com.\n';
    assert.equal(cloudflareZoneNameOf(text, 'whatever.txt'), 'example.com');
  });

  it('else the SOA owner', () => {
    const text = 'example.net. 3600 IN SOA ns1.example.net. host.example.net. 1 2 3 4 5\n';
    assert.equal(cloudflareZoneNameOf(text, 'zone.txt'), 'example.net');
  });

  it('else the file name, in the usual patterns', () => {
    const text = 'www 300 IN A 192.0.2.1\n';
    assert.equal(cloudflareZoneNameOf(text, '/zones/db.example.org'), 'example.org');
    assert.equal(cloudflareZoneNameOf(text, '/zones/example.org.zone'), 'example.org');
    assert.equal(cloudflareZoneNameOf(text, 'C:\\zones\\example.org.bind'), 'example.org');
    assert.equal(cloudflareZoneNameOf(text, 'example.org.dns'), 'example.org');
  });

  it('names no zone for one label or the root', () => {
    const text = 'www 300 IN A 192.0.2.1\n';
    assert.equal(cloudflareZoneNameOf(text, 'notes.zone'), undefined);
    assert.equal(cloudflareZoneNameOf(text, 'records.txt'), undefined);
    assert.equal(cloudflareZoneNameOf('$ORIGIN .\n', undefined), undefined);
  });
});
