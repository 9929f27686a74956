import { strict as assert } from 'node:assert';
import { codes, covered, errors, fields, parse } from './helpers';

describe('rdata: SVCB and HTTPS', () => {
  it('parses ServiceMode with parameters', () => {
    const result = parse(
      'HTTPS',
      '1 . alpn="h3,h2" ipv4hint=192.0.2.1,192.0.2.2 ipv6hint=2001:db8::1 port=8443 ech=AEX+DQA=',
    );
    assert.deepEqual(codes(result), []);
    assert.deepEqual(fields(result), [
      'priority=1',
      'target=.',
      'alpn=h3,h2',
      'ipv4hint=192.0.2.1,192.0.2.2',
      'ipv6hint=2001:db8::1',
      'port=8443',
      'ech=AEX+DQA=',
    ]);
  });

  it('joins a key= word with the quoted string right after it', () => {
    const rdata = '1 svc alpn= "h2"';
    // the space makes them separate: alpn has an empty value
    assert.deepEqual(codes(parse('SVCB', rdata)), ['bad-svcb-param', 'bad-svcb-param']);
    const tokens = parse('SVCB', '1 svc mandatory=alpn alpn="h2"');
    assert.deepEqual(codes(tokens), []);
    assert.deepEqual(fields(tokens).slice(2), ['mandatory=alpn', 'alpn=h2']);
  });

  it('parses AliasMode and warns about parameters there', () => {
    assert.deepEqual(codes(parse('HTTPS', '0 pool.svc.example.')), []);
    const rdata = '0 pool alpn=h2 port=443';
    const result = parse('HTTPS', rdata);
    assert.deepEqual(codes(result), ['svcb-alias-params']);
    assert.deepEqual(errors(result), []);
    assert.equal(covered(rdata, result), 'alpn=h2 port=443');
  });

  it('rejects unknown, repeated and reserved keys', () => {
    const rdata = '1 . foo=bar';
    const result = parse('SVCB', rdata);
    assert.deepEqual(codes(result), ['bad-svcb-param']);
    assert.equal(covered(rdata, result), 'foo');
    assert.deepEqual(codes(parse('SVCB', '1 . key65535=x')), ['bad-svcb-param']);
    assert.deepEqual(codes(parse('SVCB', '1 . key65534=x key123')), []);
    assert.deepEqual(codes(parse('SVCB', '1 . port=1 port=2')), ['bad-svcb-param']);
    assert.deepEqual(codes(parse('SVCB', '1 . alpn=h2 key1=h3')), ['bad-svcb-param'], 'key1 is alpn');
  });

  it('knows docpath (key 10, RFC 9953) and refuses the draft name echconfig, which the IANA registry does not list', () => {
    assert.deepEqual(codes(parse('SVCB', '1 dns.example.org. alpn=co docpath')), []);
    assert.deepEqual(codes(parse('SVCB', '1 dns.example.org. alpn=co docpath=n,s')), []);
    assert.deepEqual(codes(parse('SVCB', '1 . docpath key10')), ['bad-svcb-param'], 'key10 is docpath');
    const rdata = '1 . echconfig=AEj+DQBEAQAgACBvq2tuPA==';
    const draft = parse('HTTPS', rdata);
    assert.deepEqual(codes(draft), ['bad-svcb-param']);
    assert.equal(covered(rdata, draft), 'echconfig');
    const fix = draft.diagnostics[0]?.fixes?.[0];
    assert.equal(fix?.title, 'Rename echconfig to ech');
    assert.deepEqual(
      fix?.edits.map((edit) => [rdata.slice(edit.range.start.offset, edit.range.end.offset), edit.newText]),
      [['echconfig', 'ech']],
    );
    assert.deepEqual(codes(parse('HTTPS', '1 . ech=AEj+DQBEAQAgACBvq2tuPA==')), []);
  });

  it('knows pvd (key 11, no value) and oots (key 12, transport:weight items)', () => {
    assert.deepEqual(codes(parse('HTTPS', '1 . alpn="h3,h2" pvd')), []);
    assert.deepEqual(codes(parse('HTTPS', '1 . pvd=x')), ['bad-svcb-param'], 'pvd takes no value');
    assert.deepEqual(codes(parse('HTTPS', '1 . pvd key11')), ['bad-svcb-param'], 'key11 is pvd');
    assert.deepEqual(codes(parse('SVCB', '1 . oots="do53:100,dot:25,doh:10,doq:10"')), []);
    assert.deepEqual(codes(parse('SVCB', '1 . oots=do53:0')), []);
    for (const bad of ['oots', 'oots=do53', 'oots=:10', 'oots=dot:256', 'oots=dot:-1', 'oots="dot:5,"', 'oots=dot:1x'])
      assert.deepEqual(codes(parse('SVCB', `1 . ${bad}`)), ['bad-svcb-param'], bad);
    assert.deepEqual(codes(parse('SVCB', '1 . oots=dot:5 key12=doq:1')), ['bad-svcb-param'], 'key12 is oots');
  });

  it('checks mandatory', () => {
    assert.deepEqual(codes(parse('SVCB', '1 . mandatory=alpn,port alpn=h2 port=1')), []);
    assert.deepEqual(codes(parse('SVCB', '1 . mandatory=port')), ['bad-svcb-param'], 'listed key absent');
    assert.deepEqual(codes(parse('SVCB', '1 . mandatory=mandatory')), ['bad-svcb-param']);
    assert.deepEqual(codes(parse('SVCB', '1 . mandatory=port,port port=1')), ['bad-svcb-param']);
    assert.deepEqual(codes(parse('SVCB', '1 . mandatory=bogus')), ['bad-svcb-param']);
  });

  it('checks value forms', () => {
    assert.deepEqual(codes(parse('SVCB', '1 . port=65536')), ['bad-svcb-param']);
    assert.deepEqual(codes(parse('SVCB', '1 . ipv4hint=2001:db8::1')), ['bad-svcb-param']);
    assert.deepEqual(codes(parse('SVCB', '1 . ipv6hint=192.0.2.1')), ['bad-svcb-param']);
    assert.deepEqual(codes(parse('SVCB', '1 . ech=not*base64')), ['bad-svcb-param']);
    assert.deepEqual(codes(parse('SVCB', '1 . alpn')), ['bad-svcb-param']);
    assert.deepEqual(codes(parse('SVCB', '1 . alpn=h2,,h3')), ['bad-svcb-param']);
    assert.deepEqual(codes(parse('SVCB', '1 . alpn=h2 no-default-alpn=x')), ['bad-svcb-param']);
    const doubled = parse('SVCB', '1 . alpn=h2\\\\,x,h3');
    assert.deepEqual(codes(doubled), [], 'a comma escaped twice stays in the protocol id');
    // BIND's bad-svcb-alpn1/2: one level of escaping is undone by the character-string, leaving empty ids
    assert.deepEqual(codes(parse('SVCB', '1 . alpn=\\,abc')), ['bad-svcb-param']);
    assert.deepEqual(codes(parse('SVCB', '1 . alpn=a\\,\\,abc')), ['bad-svcb-param']);
  });

  it('requires alpn beside no-default-alpn in ServiceMode', () => {
    assert.deepEqual(codes(parse('HTTPS', '1 . no-default-alpn')), ['bad-svcb-param']);
    assert.deepEqual(codes(parse('HTTPS', '1 . alpn=h2 no-default-alpn')), []);
  });

  it('warns about a target that is not a host name (BIND check-names)', () => {
    const result = parse('SVCB', '1 _underscore.example. port=60 alpn=h3');
    assert.deepEqual(codes(result), ['bad-hostname']);
    assert.deepEqual(errors(result), []);
    assert.deepEqual(codes(parse('SVCB', '0 _8443._foo.api.example.')), [], 'an AliasMode target is not a host');
  });

  it('needs priority and target', () => {
    assert.deepEqual(codes(parse('HTTPS', '1')), ['missing-rdata']);
    assert.deepEqual(codes(parse('HTTPS', 'x .')), ['bad-number']);
  });
});
