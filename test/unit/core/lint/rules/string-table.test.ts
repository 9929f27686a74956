import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { StringTable } from '../../../../../core/src/lint/index/string-table';

describe('StringTable', () => {
  it('gives dense ids in first-seen order, the same id for an equal string, and finds only interned ones', () => {
    const table = new StringTable();
    const names = Array.from({ length: 20000 }, (_, i) => `host${i}.` + 'example.com.');
    names.forEach((name, i) => assert.equal(table.intern(name), i));
    assert.equal(table.size, names.length);
    // Equal content built another way (a different string object) finds the same id.
    names.forEach((name, i) => assert.equal(table.find(name.split('').join('')), i));
    assert.equal(table.intern(`host7.${'example.com.'}`), 7);
    assert.equal(table.find('host20000.example.com.'), -1);
    assert.equal(table.find(''), -1);
    assert.equal(table.value(19999), 'host19999.example.com.');
    assert.equal(table.value(20000), '');
  });
});

describe('StringTable: characters beyond one byte, long and empty strings', () => {
  it('keeps strings with characters above U+00FF, long names and the empty string intact', () => {
    const table = new StringTable();
    const long = `${'a\\255b.'.repeat(120)}example.`;
    const strings = ['', 'bücher.example.', '日本.example.', long, 'ü', '\u0100', 'plain.example.'];
    strings.forEach((text, i) => assert.equal(table.intern(text), i));
    strings.forEach((text, i) => {
      assert.equal(table.value(i), text);
      assert.equal(table.find(text), i);
    });
    // Same length and hash neighbourhood must not match by accident.
    assert.equal(table.find('bucher.example.'), -1);
    assert.equal(table.find('日本.examplf.'), -1);
    assert.equal(table.find(long.slice(0, -1)), -1);
  });
});

describe('StringTable: findEntry', () => {
  it('finds the string another table holds, narrow or wide, without making it', () => {
    const owners = new StringTable();
    const targets = new StringTable();
    ['a.example.', 'bücher.example.', '日本.example.', 'b.example.'].forEach((text) => owners.intern(text));
    const ids = ['b.example.', '日本.example.', 'c.example.', 'bücher.example.', 'a.example'].map((t) =>
      targets.intern(t),
    );
    assert.deepEqual(
      ids.map((id) => owners.findEntry(targets, id)),
      [3, 2, -1, 1, -1],
    );
    assert.equal(owners.findEntry(targets, 99), -1);
    // Staging another table's entry leaves this table as it was.
    assert.equal(owners.size, 4);
    assert.equal(owners.value(3), 'b.example.');
  });
});

describe('StringTable: hashOf, touch and internHashed', () => {
  it('gives the ids intern gives, for narrow and wide strings, new and repeated', () => {
    const plain = new StringTable();
    const hashed = new StringTable();
    const strings = ['a.example.', 'bücher.example.', '日本.example.', 'a.example.', '', 'b.example.', '日本.example.'];
    for (const text of [...strings, ...Array.from({ length: 5000 }, (_, i) => `h${i % 3000}.example.`)]) {
      const hash = hashed.hashOf(text);
      hashed.touch(Int32Array.of(hash), 1);
      assert.equal(hashed.internHashed(text, hash), plain.intern(text), text);
    }
    assert.equal(hashed.size, plain.size);
    for (let id = 0; id < plain.size; id++) assert.equal(hashed.value(id), plain.value(id));
  });
});

describe('StringTable with a common suffix left out of the hash', () => {
  it('interns and finds strings with and without the suffix, and finds entries of a table without one', () => {
    const table = new StringTable('example.com.');
    const plain = new StringTable();
    const strings = [
      'example.com.',
      'www.example.com.',
      'www.example.org.',
      'com.',
      '',
      'xexample.com.',
      'bücher.example.com.',
      ...Array.from({ length: 3000 }, (_, i) => `h${i}.example.com.`),
      ...Array.from({ length: 300 }, (_, i) => `h${i}.example.net.`),
    ];
    strings.forEach((text, i) => {
      assert.equal(table.intern(text), i, text);
      plain.intern(text);
    });
    strings.forEach((text, i) => {
      assert.equal(table.find(text), i, text);
      assert.equal(table.value(i), text);
      assert.equal(table.findEntry(plain, i), i, text);
      const hash = table.hashOf(text);
      assert.equal(table.internHashed(text, hash), i, text);
    });
    assert.equal(table.find('h3000.example.com.'), -1);
    assert.equal(table.size, strings.length);
  });
});

describe('StringTable with a common suffix of characters beyond one byte', () => {
  it('finds entries across tables whose suffixes differ or are wide', () => {
    const wideSuffix = new StringTable('日本.');
    const narrowSuffix = new StringTable('example.');
    const plain = new StringTable();
    const strings = ['a.日本.', '日本.', 'a.example.', 'b.example.日本.', 'plain.', 'a.bücher.example.'];
    for (const table of [wideSuffix, narrowSuffix, plain]) strings.forEach((text) => table.intern(text));
    for (const [here, there] of [
      [wideSuffix, narrowSuffix],
      [narrowSuffix, wideSuffix],
      [plain, wideSuffix],
      [wideSuffix, plain],
      [narrowSuffix, plain],
    ] as const) {
      strings.forEach((text, i) => {
        assert.equal(here.findEntry(there, i), i, text);
        assert.equal(here.value(i), text);
      });
    }
  });
});

describe('StringTable: a string given as a head before the common suffix', () => {
  it('hashes and interns head + "." + suffix as the joined string, and finds it either way', () => {
    const table = new StringTable('example.com.');
    const heads = [
      'www',
      'a.b',
      '',
      'bücher',
      '日本',
      'x'.repeat(300),
      ...Array.from({ length: 2000 }, (_, i) => `h${i}`),
    ];
    heads.forEach((head, i) => {
      const joined = `${head}.example.com.`;
      assert.equal(table.hashOfHead(head), table.hashOf(joined), head);
      const id = i % 2 === 0 ? table.internHeadHashed(head, table.hashOfHead(head)) : table.intern(joined);
      assert.equal(id, i, head);
      assert.equal(table.internHeadHashed(head, table.hashOfHead(head)), i, head);
      assert.equal(table.find(joined), i, head);
      assert.equal(table.value(i), joined);
    });
  });
});

describe('StringTable: startsWith and findHashed', () => {
  const strings = fc.array(
    fc.string({ unit: fc.constantFrom('*', '.', 'a', 'b', 'é', 'ā'), maxLength: 8 }).map((head) => `${head}ex.com.`),
    { maxLength: 20 },
  );

  it('answers as the strings themselves do, with or without the common suffix', () => {
    fc.assert(
      fc.property(strings, fc.constantFrom('', 'ex.com.', 'x.com.', 'ā.'), (texts, suffix) => {
        const table = new StringTable(suffix);
        const other = new StringTable(suffix);
        for (const text of texts) table.intern(text);
        texts.forEach((text, i) => {
          const id = table.find(text);
          for (const prefix of ['*.', '*', 'a', 'ex.com.x', '']) {
            assert.equal(table.startsWith(id, prefix), text.startsWith(prefix), `${text} ${prefix}`);
          }
          assert.equal(table.findHashed(text, other.hashOf(text)), id);
          assert.equal(other.findHashed(text, table.hashOf(text)), other.find(text), `${i}`);
        });
      }),
    );
  });
});
