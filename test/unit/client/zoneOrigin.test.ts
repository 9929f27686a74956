import * as assert from 'node:assert/strict';
import { parse } from '../../../core/src/parse/parser';
import { zoneNameFromFileName, zoneNameOf } from '../../../client/src/text/zoneOrigin';

describe('which zone a file describes', () => {
  it('takes the first $ORIGIN', () => {
    const text = '$ORIGIN Example.COM.\nwww 300 IN A 192.0.2.1\n$ORIGIN sub.example.com.\n';
    assert.equal(zoneNameOf(parse(text), 'whatever.txt'), 'example.com');
  });

  it('else the SOA owner', () => {
    const text = 'example.net. 3600 IN SOA ns1.example.net. host.example.net. 1 2 3 4 5\n';
    assert.equal(zoneNameOf(parse(text), 'zone.txt'), 'example.net');
  });

  it('else the file name, in the usual patterns', () => {
    const text = 'www 300 IN A 192.0.2.1\n';
    assert.equal(zoneNameOf(parse(text), '/zones/db.example.org'), 'example.org');
    assert.equal(zoneNameFromFileName('/zones/example.org.zone'), 'example.org');
    assert.equal(zoneNameFromFileName('C:\\zones\\example.org.bind'), 'example.org');
    assert.equal(zoneNameFromFileName('example.org.dns'), 'example.org');
    assert.equal(zoneNameFromFileName('notes.zone'), undefined);
    assert.equal(zoneNameOf(parse(text), 'records.txt'), undefined);
  });
});
