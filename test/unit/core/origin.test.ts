import { strict as assert } from 'node:assert';
import { inferOrigin, originFromFileName, originHeadLines } from '../../../core/src/parse/origin';

const soa = '@ IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300';

describe('zone origin inference (zone core)', () => {
  it('takes the first $ORIGIN, made absolute, before the SOA owner and the file name', () => {
    assert.equal(
      inferOrigin(`; head\n$ORIGIN example.org.\nexample.net. IN SOA a. b. 1 2 3 4 5\n`, 'x.zone'),
      'example.org.',
    );
    assert.equal(inferOrigin(`$origin example.org ; lower case, relative\n${soa}\n`, 'db.example.com'), 'example.org.');
    assert.equal(inferOrigin('\t$ORIGIN indented.example.\n', undefined), 'indented.example.');
  });

  it('takes an SOA owner written absolute when it comes before any $ORIGIN', () => {
    assert.equal(inferOrigin(`$TTL 1h\nexample.net. IN SOA a. b. 1 2 3 4 5\n`, 'x.zone'), 'example.net.');
    assert.equal(
      inferOrigin('example.net. 3600 IN SOA ( a. b.\n 1 2 3 4 5 )\n$ORIGIN sub.example.net.\n', 'x.zone'),
      'example.net.',
    );
    assert.equal(inferOrigin('example.net. IN SOA(a. b. 1 2 3 4 5)\r\n', undefined), 'example.net.');
  });

  it('falls back to the file name when the SOA owner is relative, @, blank or escaped', () => {
    assert.equal(inferOrigin(`${soa}\n`, 'zones/db.example.info'), 'example.info.');
    assert.equal(inferOrigin('example IN SOA a. b. 1 2 3 4 5\n', 'example.com.zone'), 'example.com.');
    assert.equal(inferOrigin(' IN SOA a. b. 1 2 3 4 5\n', 'example.com.zone'), 'example.com.');
    assert.equal(inferOrigin('odd\\. IN SOA a. b. 1 2 3 4 5\n', 'example.com.zone'), 'example.com.');
    assert.equal(inferOrigin('$ORIGIN\n', 'example.com.zone'), 'example.com.');
  });

  it('does not read SOA or $ORIGIN inside comments and quoted strings', () => {
    const text = 'txt IN TXT "; $ORIGIN a.example." ; example.net. IN SOA\n; $ORIGIN b.example.\n';
    assert.equal(inferOrigin(text, 'db.example.com'), 'example.com.');
    assert.equal(inferOrigin(`txt IN TXT "a\\"b" ; x\n$ORIGIN c.example.\n`, undefined), 'c.example.');
  });

  it('looks only at the head of the file', () => {
    const filler = 'a IN A 192.0.2.1\n'.repeat(originHeadLines);
    assert.equal(inferOrigin(`${filler}$ORIGIN late.example.\n`, 'db.example.com'), 'example.com.');
    assert.equal(inferOrigin(`${filler.slice(17)}$ORIGIN last.example.\n`, 'db.example.com'), 'last.example.');
  });

  it('reads the origin from file names, and none from names that cannot be one', () => {
    assert.equal(originFromFileName('/etc/bind/example.com.zone'), 'example.com.');
    assert.equal(originFromFileName('C:\\zones\\DB.Example.COM'), 'Example.COM.');
    assert.equal(originFromFileName('example.com'), 'example.com.');
    assert.equal(originFromFileName('example.com.zone.signed'), 'example.com.');
    assert.equal(originFromFileName('example.com..zone'), 'example.com.');
    assert.equal(originFromFileName('zones/.zone'), undefined);
    assert.equal(originFromFileName('my zone.txt'), undefined);
    assert.equal(originFromFileName('a..b.zone'), undefined);
    assert.equal(inferOrigin('www IN A 192.0.2.1\n', undefined), undefined);
  });
});
