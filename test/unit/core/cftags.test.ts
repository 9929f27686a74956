import { strict as assert } from 'node:assert';
import { formatCfComment, parseCfComment } from '../../../core/src/cloudflare/cftags';

describe('cftags: parseCfComment', () => {
  it('reads a plain comment without tags', () => {
    const parsed = parseCfComment('; just a note ');
    assert.equal(parsed.comment, 'just a note');
    assert.deepEqual(parsed.tags, []);
    assert.equal(parsed.proxied, undefined);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parseCfComment(';').comment, undefined);
  });

  it('reads comment, tags and the reserved tags', () => {
    const parsed = parseCfComment(
      '; web server cf_tags=owner:dns-team,env:prod,cf-proxied:true,cf-flatten-cname:false',
    );
    assert.equal(parsed.comment, 'web server');
    assert.deepEqual(parsed.tags, ['owner:dns-team', 'env:prod']);
    assert.equal(parsed.proxied, true);
    assert.equal(parsed.flattenCname, false);
    assert.deepEqual(parsed.problems, []);
  });

  it('works without the leading semicolon and with tags only', () => {
    const parsed = parseCfComment('cf_tags=cf-proxied:false');
    assert.equal(parsed.comment, undefined);
    assert.equal(parsed.proxied, false);
    assert.deepEqual(parsed.tagsSpan, { start: 0, end: 24 });
  });

  it('reads JSON-string values with quotes, commas, equals signs and backslashes', () => {
    const parsed = parseCfComment(
      '; cf_tags=greeting:"Hello, world",eq:"a=b",q:"say \\"hi\\"",bs:"c:\\\\dir",plain:two words',
    );
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.tags, ['greeting:Hello, world', 'eq:a=b', 'q:say "hi"', 'bs:c:\\dir', 'plain:two words']);
  });

  it('accepts the three spellings of an empty value', () => {
    assert.deepEqual(parseCfComment('; cf_tags=a,b:,c:""').tags, ['a:', 'b:', 'c:']);
  });

  it('requires a word boundary before cf_tags=', () => {
    assert.equal(parseCfComment('; xcf_tags=a:b').comment, 'xcf_tags=a:b');
  });

  it('reports problems with offsets into the text', () => {
    const text = '; note cf_tags=ok:1,bad name:x,v:a=b,,cf-proxied:yes,ok:2,u:"open';
    const parsed = parseCfComment(text);
    const problems = parsed.problems.map((problem) => [problem.code, text.slice(problem.start, problem.end)]);
    assert.deepEqual(
      problems,
      [
        ['cf-tag-bad-name', 'bad name'],
        ['cf-tag-bad-value', 'a=b'],
        ['cf-tag-empty', ''.padEnd(0)],
        ['cf-tag-bad-value', '"open'],
        ['cf-proxied-bad-value', 'cf-proxied:yes'],
        ['cf-tag-duplicate', 'ok:2'],
      ].map(([code, covered]) => [code, code === 'cf-tag-empty' ? ',' : covered]),
    );
    assert.deepEqual(parsed.tags, ['ok:1'], 'entries with problems are left out');
    assert.equal(parsed.proxied, undefined);
  });

  it('reports text after a quoted value and a trailing comma', () => {
    assert.deepEqual(
      parseCfComment('; cf_tags=a:"x"y').problems.map((problem) => problem.code),
      ['cf-tag-bad-value'],
    );
    assert.deepEqual(
      parseCfComment('; cf_tags=a:b,').problems.map((problem) => problem.code),
      ['cf-tag-empty'],
    );
    assert.deepEqual(
      parseCfComment('; cf_tags=cf-flatten-cname:1').problems.map((problem) => problem.code),
      ['cf-flatten-cname-bad-value'],
    );
  });
});

describe('cftags: formatCfComment', () => {
  it('writes nothing when there is nothing to say', () => {
    assert.equal(formatCfComment({}), '');
    assert.equal(formatCfComment({ comment: '  ', tags: [] }), '');
  });

  it('writes the comment, then tags, with reserved tags last', () => {
    assert.equal(
      formatCfComment({ comment: 'web', tags: ['owner:dns-team', 'empty:'], proxied: true, flattenCname: true }),
      '; web cf_tags=owner:dns-team,empty:,cf-flatten-cname:true,cf-proxied:true',
    );
    assert.equal(formatCfComment({ proxied: false }), '; cf_tags=cf-proxied:false');
  });

  it('quotes values that need it and drops line breaks from comments', () => {
    assert.equal(
      formatCfComment({ comment: 'a\nb', tags: ['greeting:Hello, world', 'eq:a=b', 'q:say "hi"', 'sp: lead'] }),
      '; a b cf_tags=greeting:"Hello, world",eq:"a=b",q:"say \\"hi\\"",sp:" lead"',
    );
  });

  it('drops reserved names passed as plain tags (the booleans carry them)', () => {
    assert.equal(formatCfComment({ tags: ['cf-proxied:true', 'x:1'] }), '; cf_tags=x:1');
  });

  it('round-trips through parseCfComment', () => {
    const cases = [
      { comment: 'Domain verification record', tags: ['owner:dns-team'], proxied: true, flattenCname: undefined },
      { comment: undefined, tags: ['a:"q"', 'b:x,y', 'c:back\\slash', 'd:'], proxied: undefined, flattenCname: false },
      { comment: 'ünïcode ok', tags: [], proxied: false, flattenCname: undefined },
    ];
    for (const parts of cases) {
      const parsed = parseCfComment(formatCfComment(parts));
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(
        { comment: parsed.comment, tags: parsed.tags, proxied: parsed.proxied, flattenCname: parsed.flattenCname },
        parts,
      );
    }
  });
});
