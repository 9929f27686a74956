import { strict as assert } from 'node:assert';
import {
  cloudflareTypes,
  parseRdata,
  rdataCodes,
  recordTypeInfo,
  recordTypes,
  typeByCode,
  typeCodeOf,
} from '../../../../core/src/rdata';
import type { Token } from '../../../../core/src/types';
import { codes, fields, parse, tokenize } from './helpers';

describe('rdata: registry, generic rdata and parseRdata', () => {
  it('gives each of the 21 Cloudflare types its own parser', () => {
    // Which types they are is pinned against the client and the API spec in test/unit/cloudflare/record-types.test.ts.
    assert.equal(cloudflareTypes.length, 21);
    for (const name of cloudflareTypes) assert.ok(recordTypes.get(name)?.parse, `${name} has its own parser`);
  });

  it('knows IANA codes both ways', () => {
    assert.equal(recordTypes.get('CAA')?.code, 257);
    assert.equal(typeByCode.get(65)?.name, 'HTTPS');
    assert.equal(typeCodeOf('aaaa'), 28);
    assert.equal(typeCodeOf('TYPE65534'), 65534);
    assert.equal(typeCodeOf('TYPE65536'), undefined);
    assert.equal(typeCodeOf('BOGUS'), undefined);
    assert.equal(recordTypeInfo('TYPE1')?.name, 'A');
    for (const info of recordTypes.values()) {
      assert.ok(info.summary.endsWith('.'), `${info.name} has a one-sentence summary`);
      assert.ok(info.reference.length > 0);
      assert.equal(typeByCode.get(info.code), info, `${info.name} code is unique`);
    }
  });

  it('field names of each parsed type match its registry entry', () => {
    const samples: Record<string, string> = {
      A: '192.0.2.1',
      MX: '10 mx',
      SRV: '1 2 3 t',
      CAA: '0 issue "ca.example"',
      DS: `1 8 2 ${'ab'.repeat(32)}`,
      SSHFP: `1 1 ${'ab'.repeat(20)}`,
      TLSA: `3 1 1 ${'ab'.repeat(32)}`,
      URI: '1 2 "https://x/"',
      NAPTR: '1 2 "u" "s" "" .',
      SOA: 'a. b. 1 2 3 4 5',
      CERT: '1 2 3 AAAA',
      DNSKEY: '257 3 8 AAAA',
    };
    for (const [type, rdata] of Object.entries(samples)) {
      const names = parse(type, rdata).fields.map((field) => field.name);
      assert.deepEqual(names, recordTypes.get(type)?.fields, type);
    }
  });

  it('accepts RFC 3597 generic rdata for any type and checks the length', () => {
    const result = parse('TYPE65534', '\\# 3 010203');
    assert.deepEqual(codes(result), []);
    assert.equal(result.generic, true);
    assert.deepEqual(fields(result), ['length=3', 'data=010203']);
    assert.deepEqual(codes(parse('A', '\\# 4 C0000201')), []);
    assert.deepEqual(codes(parse('TXT', '\\# 4 03616263')), []);
    assert.deepEqual(codes(parse('TYPE65534', '\\# 0')), []);
    assert.deepEqual(codes(parse('TYPE65534', '\\# 2 0102 03')), ['bad-generic-rdata']);
    assert.deepEqual(codes(parse('A', '\\# 5 C000020101')), ['bad-generic-rdata'], 'A is 4 octets');
    assert.deepEqual(codes(parse('TYPE65534', '\\# x 01')), ['bad-number']);
    assert.deepEqual(codes(parse('TYPE65534', '\\# 1 0g')), ['bad-hex']);
  });

  it('refuses generic rdata longer than a DNS message can carry (65512 octets)', () => {
    assert.deepEqual(codes(parse('TYPE65534', `\\# 65512 ${'00'.repeat(65512)}`)), []);
    assert.deepEqual(codes(parse('TYPE65534', `\\# 65513 ${'00'.repeat(65513)}`)), ['bad-generic-rdata']);
  });

  it('checks generic rdata of known types against their wire layout', () => {
    assert.deepEqual(codes(parse('NS', '\\# 5 036e733100')), [], 'ns1.');
    assert.deepEqual(codes(parse('MX', '\\# 4 000a0000')), ['bad-generic-rdata'], 'a name left over');
    assert.deepEqual(codes(parse('MX', '\\# 3 000a00')), []);
    // BIND's broken4.db: a compression pointer inside SOA rdata
    assert.deepEqual(
      codes(parse('SOA', '\\# 32 026E73013300 04726F6F74C4 00000001 00000001 00000001 00000001 00000001')),
      ['bad-generic-rdata'],
    );
    assert.deepEqual(codes(parse('TXT', '\\# 6 0568656C6C6F')), []);
    assert.deepEqual(codes(parse('TXT', '\\# 6 0668656C6C6F')), ['bad-generic-rdata'], 'string runs past the end');
    assert.deepEqual(codes(parse('SRV', '\\# 6 000100020003')), ['bad-generic-rdata'], 'target missing');
    assert.deepEqual(codes(parse('SVCB', '\\# 9 0001000003000201bb')), [], '1 . port=443');
    assert.deepEqual(codes(parse('SVCB', '\\# 11 0001000003000000010000')), ['bad-generic-rdata'], 'keys out of order');
    assert.deepEqual(codes(parse('HTTPS', '\\# 7 00010000030002')), ['bad-generic-rdata'], 'value runs past the end');
    assert.deepEqual(codes(parse('HIP', '\\# 4 ff01ffff')), ['bad-generic-rdata'], "NSD's print_hip_malformed");
  });

  it('reads \\# as generic only before a length, as BIND does', () => {
    assert.deepEqual(fields(parse('TXT', '\\# text')), ['text=#', 'text=text']);
    assert.deepEqual(codes(parse('A', '\\# text')), ['bad-ipv4', 'extra-rdata']);
    assert.deepEqual(
      codes(parse('TYPE65534', '\\# text')),
      ['bad-number', 'missing-rdata'],
      'unknown types need the generic form',
    );
  });

  it('accepts optional trailing fields of ISDN, APL and HIP', () => {
    assert.deepEqual(codes(parse('ISDN', '"isdn-address"')), []);
    assert.deepEqual(codes(parse('ISDN', '"isdn-address" "sub"')), []);
    assert.deepEqual(codes(parse('APL', '')), []);
    assert.deepEqual(codes(parse('HIP', '2 200100107B1A74DF365639CC39F1D578 AwEAAQ==')), []);
    assert.deepEqual(codes(parse('HIP', '2 200100107B1A74DF365639CC39F1D578')), ['missing-rdata']);
  });

  it('uses the known parser for TYPEnnn of a known type, and requires \\# for unknown codes', () => {
    assert.deepEqual(fields(parse('TYPE1', '192.0.2.1')), ['address=192.0.2.1']);
    assert.deepEqual(codes(parse('TYPE1', 'x')), ['bad-ipv4']);
    assert.deepEqual(codes(parse('TYPE65000', 'abc')), ['bad-generic-rdata']);
    assert.deepEqual(codes(parse('TYPE103', '^# 1 00')), ['bad-generic-rdata'], "BIND's bad-unspec.db");
    assert.deepEqual(codes(parse('NULL', 'abc')), ['bad-generic-rdata'], 'NULL has no text form');
    assert.deepEqual(codes(parse('NULL', '\\# 1 00')), []);
    assert.deepEqual(
      codes(parse('TYPE260', '10 0 1 203.0.113.15')),
      ['bad-generic-rdata'],
      'AMTRELAY by code: no parser of ours, so \\# only',
    );
    assert.deepEqual(
      fields(parse('TYPE15', '10 mx')),
      ['priority=10', 'target=mx.example.com.'],
      'MX by code has a parser',
    );
  });

  it('returns nothing for unknown mnemonics (the parser reports those on the type token)', () => {
    assert.deepEqual(parse('BOGUS', 'x'), { fields: [], diagnostics: [] });
  });

  it('refuses assigned meta types but lets unassigned codes of the meta range through, as NSD does', () => {
    const typeRange = { start: { line: 0, character: 3, offset: 3 }, end: { line: 0, character: 10, offset: 10 } };
    for (const type of ['TYPE255', 'ANY', 'TYPE249']) {
      assert.deepEqual(
        codes(parseRdata(type, tokenize('\\# 1 aa'), { origin: '.', file: undefined, typeRange })),
        ['meta-type'],
        type,
      );
    }
    assert.deepEqual(codes(parse('TYPE200', '\\# 7 aabbccddeeff11')), [], 'NSD unknown_rr.zone');
  });

  it('reports query-only types', () => {
    const typeRange = { start: { line: 0, character: 3, offset: 3 }, end: { line: 0, character: 7, offset: 7 } };
    const result = parseRdata('AXFR', [], { origin: '.', file: undefined, typeRange });
    assert.deepEqual(codes(result), ['meta-type']);
    assert.deepEqual(result.diagnostics[0]?.range, typeRange);
  });

  it('parses known types without a dedicated parser by field count', () => {
    assert.deepEqual(fields(parse('AMTRELAY', '10 0 1 203.0.113.15')), [
      'precedence=10',
      'discovery_optional=0',
      'relay_type=1',
      'relay=203.0.113.15',
    ]);
    assert.deepEqual(codes(parse('EUI48', '')), ['missing-rdata']);
    assert.deepEqual(codes(parse('AMTRELAY', '10 1')), ['missing-rdata']);
  });

  it('copies the file onto diagnostics', () => {
    const result = parseRdata('A', tokenize('x'), { origin: '.', file: 'sub.zone' });
    assert.equal(result.diagnostics[0]?.file, 'sub.zone');
  });

  it('never throws on odd tokens', () => {
    const odd: Token[] = [{ kind: 'comment', text: ';', range: tokenize('x')[0].range }];
    for (const type of recordTypes.keys())
      assert.doesNotThrow(() => parseRdata(type, odd, { origin: '.', file: undefined }));
  });

  it('describes every code it emits', () => {
    const emitted = new Set<string>();
    const inputs = ['', 'x', '1', '"a"', '\\# 1 0', '1 2 3 4 5 6 7 8 9 10 11 12 13', '-1 . alpn'];
    for (const type of recordTypes.keys()) {
      for (const input of inputs) for (const code of codes(parse(type, input))) emitted.add(code);
    }
    for (const code of emitted) assert.ok(code in rdataCodes, `${code} is described`);
    assert.ok(emitted.size > 5);
  });
});
