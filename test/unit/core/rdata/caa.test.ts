import { strict as assert } from 'node:assert';
import { codes, errors, fields, parse } from './helpers';

describe('rdata: CAA', () => {
  it('parses flags, tag and value', () => {
    const result = parse('CAA', '0 issue "letsencrypt.org"');
    assert.deepEqual(codes(result), []);
    assert.deepEqual(fields(result), ['flags=0', 'tag=issue', 'value=letsencrypt.org']);
  });

  it('accepts the issue value forms of RFC 8659', () => {
    for (const value of [
      '";"',
      '"letsencrypt.org; validationmethods=dns-01"',
      '"ca.example.net; account=230123; policy=ev"',
      '""',
      'letsencrypt.org',
    ]) {
      assert.deepEqual(codes(parse('CAA', `0 issue ${value}`)), [], value);
    }
    assert.deepEqual(codes(parse('CAA', '128 issuewild ";"')), []);
    assert.deepEqual(codes(parse('CAA', '0 issuemail "mail.example"')), []);
  });

  it('leaves the value forms to the caa-value rule (named and kzonecheck load any value)', () => {
    for (const rdata of ['0 issue "not a domain"', '0 issuewild "-ca.example"', '0 iodef "ftp://example.com/"']) {
      assert.deepEqual(codes(parse('CAA', rdata)), [], rdata);
    }
  });

  it('checks the tag syntax and warns about unregistered tags', () => {
    assert.deepEqual(codes(parse('CAA', '0 is-sue "x"')), ['bad-caa']);
    assert.deepEqual(codes(parse('CAA', `0 ${'a'.repeat(16)} "x"`)), ['bad-caa']);
    const unknown = parse('CAA', '0 policy "x"');
    assert.deepEqual(codes(unknown), ['caa-unknown-tag']);
    assert.deepEqual(errors(unknown), []);
    assert.deepEqual(codes(parse('CAA', '0 ISSUE "ca.example"')), [], 'tags compare case-insensitively');
  });

  it('checks flags', () => {
    assert.deepEqual(codes(parse('CAA', '256 issue "x"')), ['bad-number']);
    const reserved = parse('CAA', '1 issue "ca.example"');
    assert.deepEqual(codes(reserved), ['bad-caa']);
    assert.equal(reserved.diagnostics[0]?.severity, 'warning');
  });

  it('needs exactly three fields', () => {
    assert.deepEqual(codes(parse('CAA', '0 issue')), ['missing-rdata']);
    assert.deepEqual(codes(parse('CAA', '0 issue "a.example" "b"')), ['extra-rdata']);
  });
});
