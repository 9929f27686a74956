import { strict as assert } from 'node:assert';
import { at, lintText, only, rangesOf, zone } from './helpers';

const knot = { profile: 'knot' as const };

/** The codes and severities of the findings on the zone head plus `lines` in the knot profile. */
function findings(...lines: string[]): string[] {
  return lintText(zone(...lines), knot).map((d) => `${d.code}:${d.severity}`);
}

describe('rules: the knot profile (what kzonecheck 3.2 refuses and loads)', () => {
  it('knot-unsupported: a type Knot does not know by name, on the type; TYPEnnn loads', () => {
    const text = zone('a IN MB host.example.net.', 'b IN TYPE7 \\# 1 00', 'c IN RESINFO "qnamemin"');
    const found = only('knot-unsupported', lintText(text, knot));
    assert.deepEqual(
      found.map((d) => [at(d.range), d.severity]),
      [
        ['5:5-5:7', 'error'],
        ['7:5-7:12', 'error'],
      ],
    );
    assert.match(found[0]?.message ?? '', /write it as TYPE7 with RFC 3597 rdata/);
    assert.deepEqual(only('knot-unsupported', lintText(text, { profile: 'bind' })), []);
  });

  it('knot-unsupported: $GENERATE and a relative $ORIGIN, on the directive; an absolute $ORIGIN loads', () => {
    const text = zone('$GENERATE 1-2 h$ A 192.0.2.$', '$ORIGIN sub', 'x IN A 192.0.2.1', '$ORIGIN sub.example.com.');
    assert.deepEqual(rangesOf('knot-unsupported', lintText(text, knot)), ['5:0-5:28', '6:0-6:11']);
  });

  it('knot-unsupported: a CLASSnnn class, an SVCB key Knot 3.2 does not know by name, a name character', () => {
    const text = zone(
      'a CLASS1 A 192.0.2.1',
      'b IN SVCB 1 . alpn=h2 dohpath=/{?dns}',
      'c IN SVCB 1 . key7=/{?dns} ech="AAAA"',
      'd+e IN A 192.0.2.1',
      'f IN MX 10 g=h.example.net.',
      'i\\=j IN CNAME k\\+l.example.net.',
      '_sip._tcp IN SRV 0 0 0 @',
    );
    assert.deepEqual(rangesOf('knot-unsupported', lintText(text, knot)), [
      '5:2-5:8',
      '6:22-6:37',
      '8:0-8:3',
      '9:11-9:27',
    ]);
  });

  it('knot-unsupported: not a directive on a last line without a line end, which Knot drops', () => {
    assert.deepEqual(rangesOf('knot-unsupported', lintText(`${zone()}$GENERATE 1-2 h$ A 192.0.2.$ ; x`, knot)), []);
    assert.deepEqual(rangesOf('knot-unsupported', lintText(`${zone()}$ORIGIN sub`, knot)), []);
  });

  it('missing-glue: only what kzonecheck calls missing glue', () => {
    const glue = (...lines: string[]): string[] => rangesOf('missing-glue', lintText(zone(...lines), knot));
    assert.deepEqual(glue('c IN NS ns.c'), ['5:8-5:12'], 'its own server below it');
    assert.deepEqual(glue('c IN NS ns.other'), ['5:8-5:16'], 'a server of the zone with no address');
    assert.deepEqual(glue('c IN NS ns.d', 'd IN NS ns1'), [], 'sibling glue is not checked');
    assert.deepEqual(glue('c IN NS ns.x.c', 'a.x.c IN A 192.0.2.1'), [], 'a name between ends the search');
    assert.equal(
      rangesOf('missing-glue', lintText(zone('c IN NS ns.d', 'd IN NS ns1'), { profile: 'bind' })).length,
      1,
    );
  });

  it('knot-unsupported: a relative $INCLUDE origin', () => {
    const files = new Map([['/z/inc.db', 'x IN A 192.0.2.1\n']]);
    const text = zone('$INCLUDE inc.db sub', '$INCLUDE inc.db sub.example.com.');
    const found = lintText(text, { ...knot, path: '/z/zone.db', readFile: (file) => files.get(file) });
    assert.deepEqual(rangesOf('knot-unsupported', found), ['5:0-5:19']);
  });

  it('errs where kzonecheck refuses and named loads', () => {
    assert.deepEqual(findings('c IN NS ns.other'), ['missing-glue:error']);
    assert.deepEqual(findings('d IN DNAME e.example.net.', 'x.d IN A 192.0.2.1'), ['below-dname:error']);
    assert.ok(findings('d IN DNAME e.example.net.', 'd IN NS ns1').includes('dname-and-ns:error'));
    assert.ok(findings('bücher IN A 192.0.2.1').includes('non-punycode-name:error'));
  });

  it('only warns where kzonecheck loads and named refuses', () => {
    const soa = 'IN SOA ns1.example.com. hostmaster.example.com. 2 7200 3600 1209600 300';
    assert.deepEqual(findings(`@ ${soa}`), ['multiple-soa:warning']);
    assert.ok(findings(`x.y ${soa}`).includes('soa-not-at-apex:warning'));
    assert.deepEqual(findings('*.w IN NS ns1'), ['wildcard-ns:warning']);
    assert.deepEqual(findings('x IN TYPE200 \\# 0'), ['meta-range-type:warning']);
    assert.deepEqual(findings('x IN CAA 0 is-sue "x"'), ['bad-caa:warning']);
    assert.deepEqual(findings('x IN NSEC y.example.com.'), ['nsec-empty-types:warning']);
    assert.deepEqual(findings(`x IN TXT "${'a'.repeat(300)}"`), ['txt-string-too-long:warning']);
    assert.deepEqual(
      lintText(zone('x IN CAA 0 is-sue "x"'), { profile: 'bind' }).map((d) => d.severity),
      ['error'],
    );
  });

  it('a setting still overrides a lowered parser code', () => {
    const text = zone('x IN CAA 0 is-sue "x"');
    const raised = lintText(text, { ...knot, rules: { 'bad-caa': 'error' } });
    assert.deepEqual(
      raised.map((d) => d.severity),
      ['error'],
    );
  });

  it('does not run the bind-only checks kzonecheck does not make', () => {
    assert.deepEqual(only('directive-at-end', lintText(`${zone()}x IN A 192.0.2.1`, knot)), []);
  });
});
