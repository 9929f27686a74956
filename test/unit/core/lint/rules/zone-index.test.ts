import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse } from '../../../../../core/src/parse/parser';
import { TypeBit, ZoneIndex } from '../../../../../core/src/lint/index/zone-index';
import type { ZoneRecord } from '../../../../../core/src/types';

function records(text: string): readonly ZoneRecord[] {
  return parse(text, { origin: 'example.com.' }).records;
}

function ownerIds(index: ZoneIndex, count: number): number[] {
  return Array.from({ length: count }, (_, ordinal) => index.ownerOfRecord(ordinal));
}

const zone = Array.from({ length: 600 }, (_, i) => `h${i % 250} A 192.0.2.${i % 200}\n  AAAA 2001:db8::${i}\n`).join(
  '',
);

describe('ZoneIndex.prepare', () => {
  it('leaves owner ids as adding without it gives them, batch by batch', () => {
    const all = records(zone);
    const plain = new ZoneIndex();
    for (const record of all) plain.add(record);
    const prepared = new ZoneIndex();
    for (let at = 0; at < all.length; at += 100) {
      const batch = all.slice(at, at + 100);
      prepared.prepare(batch);
      for (const record of batch) prepared.add(record);
    }
    assert.deepEqual(ownerIds(prepared, all.length), ownerIds(plain, all.length));
    assert.equal(prepared.ownerCount, 250);
    assert.equal(prepared.ownerKey(prepared.ownerOfRecord(3)), 'h1.example.com.');
  });

  it('gives the right owners when the records added are not the ones prepared', () => {
    const [first, second, third] = records('a A 192.0.2.1\nb A 192.0.2.2\nc A 192.0.2.3\n');
    assert.ok(first && second && third);
    const index = new ZoneIndex();
    index.prepare([first, second, third]);
    index.add(third);
    index.add(first);
    index.prepare([second]);
    index.add(third);
    index.add(second);
    assert.deepEqual(
      ownerIds(index, 4).map((id) => index.ownerKey(id)),
      ['c.example.com.', 'a.example.com.', 'c.example.com.', 'b.example.com.'],
    );
  });
});

describe('ZoneIndex: owners given relative to the zone origin, to another origin or absolute', () => {
  it('gives one owner id to one name however it was written', () => {
    const text = [
      '$ORIGIN example.com.',
      'www A 192.0.2.1',
      'WWW.example.com. AAAA 2001:db8::1',
      '$ORIGIN sub.example.com.',
      'host A 192.0.2.2',
      '$ORIGIN example.com.',
      'host.sub TXT "x"',
      'www MX 10 host.sub',
      '@ NS ns1',
      '$ORIGIN other.org.',
      'www A 192.0.2.3',
    ].join('\n');
    const all = parse(text, { origin: 'example.com.' }).records;
    for (const prepared of [false, true]) {
      const index = new ZoneIndex('example.com.');
      if (prepared) index.prepare(all);
      for (const record of all) index.add(record);
      assert.deepEqual(
        ownerIds(index, all.length).map((id) => index.ownerKey(id)),
        [
          'www.example.com.',
          'www.example.com.',
          'host.sub.example.com.',
          'host.sub.example.com.',
          'www.example.com.',
          'example.com.',
          'www.other.org.',
        ],
      );
      assert.equal(index.ownerCount, 4);
      assert.equal(index.ownerOf('host.sub.example.com.'), index.ownerOfRecord(2));
    }
  });
});

describe('ZoneIndex: owner ids against a map of keys (property)', () => {
  const label = fc.constantFrom('www', 'WWW', 'mail', 'Mail', 'a', 'b.c', '_sip._tcp', 'x-1', 'bücher');
  const line = fc.oneof(
    { weight: 6, arbitrary: label.map((owner) => `${owner} A 192.0.2.1`) },
    { weight: 2, arbitrary: label.map((owner) => `${owner}.example.com. TXT "t"`) },
    { weight: 1, arbitrary: fc.constant('  AAAA 2001:db8::1') },
    { weight: 1, arbitrary: fc.constant('@ NS ns1') },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('example.com.', 'Example.COM.', 'sub.example.com.', 'other.org.')
        .map((origin) => `$ORIGIN ${origin}`),
    },
  );

  it('gives equal keys one id and different keys different ids, in batches of any size', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (lines, batch) => {
        const all = parse(['$ORIGIN example.com.', ...lines].join('\n'), { origin: 'example.com.' }).records;
        const index = new ZoneIndex('example.com.');
        for (let at = 0; at < all.length; at += batch) {
          const part = all.slice(at, at + batch);
          index.prepare(part);
          for (const record of part) index.add(record);
        }
        const idOfKey = new Map<string, number>();
        all.forEach((record, ordinal) => {
          const id = index.ownerOfRecord(ordinal);
          assert.equal(index.ownerKey(id), record.ownerKey);
          assert.equal(idOfKey.get(record.ownerKey) ?? id, id);
          idOfKey.set(record.ownerKey, id);
        });
        assert.equal(index.ownerCount, idOfKey.size);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ZoneIndex: facts about the whole zone', () => {
  const labels = ['*', 'a', 'b', 'sub', '\\*', 'x*'];
  const types = ['A', 'NS', 'DNAME', 'TXT', 'AAAA'];
  const line = fc.record({
    name: fc.array(fc.constantFrom(...labels), { maxLength: 3 }),
    type: fc.constantFrom(...types),
  });

  it('counts wildcards and delegations and joins the types as a walk over every owner does', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const text = lines
          .map(({ name, type }) => {
            const owner = name.length === 0 ? '@' : name.join('.');
            const rdata = type === 'A' ? '192.0.2.1' : type === 'AAAA' ? '2001:db8::1' : type === 'TXT' ? '"t"' : 'x.';
            return `${owner} ${type} ${rdata}\n`;
          })
          .join('');
        const index = new ZoneIndex('example.com.');
        for (const record of records(text)) index.add(record);
        let bits = 0;
        let wildcards = 0;
        let delegations = 0;
        for (let owner = 0; owner < index.ownerCount; owner++) {
          const key = index.ownerKey(owner);
          bits |= index.ownerTypes(owner);
          if (key.startsWith('*.')) wildcards++;
          if (key !== 'example.com.' && (index.ownerTypes(owner) & TypeBit.NS) !== 0) delegations++;
        }
        assert.equal(index.typesInZone, bits);
        assert.equal(index.wildcardCount, wildcards);
        assert.equal(index.delegationCount, delegations);
      }),
    );
  });
});
