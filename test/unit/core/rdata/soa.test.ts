import { strict as assert } from 'node:assert';
import { parseTtlText } from '../../../../core/src/rdata';
import { codes, covered, fields, parse } from './helpers';

describe('rdata: SOA', () => {
  it('parses names, serial and timers with units', () => {
    const result = parse('SOA', 'ns1 hostmaster.example.com. 2024010101 1h 15m 1w2d 300');
    assert.deepEqual(codes(result), []);
    assert.deepEqual(fields(result), [
      'mname=ns1.example.com.',
      'rname=hostmaster.example.com.',
      'serial=2024010101',
      'refresh=3600',
      'retry=900',
      'expire=777600',
      'minimum=300',
    ]);
  });

  it('checks the 32-bit serial and the timer forms', () => {
    assert.deepEqual(codes(parse('SOA', 'a. b. 4294967295 1 1 1 1')), []);
    assert.deepEqual(codes(parse('SOA', 'a. b. 4294967296 1 1 1 1')), ['bad-number']);
    const rdata = 'a. b. 1 1x 1 1 1';
    const result = parse('SOA', rdata);
    assert.deepEqual(codes(result), ['bad-ttl-field']);
    assert.equal(covered(rdata, result), '1x');
  });

  it('warns about an @ in the mailbox', () => {
    const result = parse('SOA', 'ns1 hostmaster@example.com. 1 2 3 4 5');
    assert.deepEqual(codes(result), ['bad-rname']);
    assert.equal(result.diagnostics[0]?.severity, 'warning');
    assert.match(result.diagnostics[0]?.message ?? '', /hostmaster\.example\.com\./);
    assert.deepEqual(codes(parse('SOA', 'ns1 @ 1 2 3 4 5')), [], 'the origin itself');
    assert.deepEqual(codes(parse('SOA', 'ns1 host\\@master 1 2 3 4 5')), [], 'an escaped @ is deliberate');
  });

  it("warns, as BIND's check-names, when mname or the mailbox's domain is not a host name", () => {
    const rdata = 'ns_1.example.com. host_master.example.com. 1 2 3 4 5';
    const result = parse('SOA', rdata);
    assert.deepEqual(codes(result), ['bad-hostname'], 'the local part of a mailbox may be anything');
    assert.equal(covered(rdata, result), 'ns_1.example.com.');
    assert.equal(result.diagnostics[0]?.severity, 'warning');
    const mailbox = 'ns1 hostmaster.ex_ample.com. 1 2 3 4 5';
    assert.deepEqual(codes(parse('SOA', mailbox)), ['bad-hostname']);
    assert.equal(covered(mailbox, parse('SOA', mailbox)), 'hostmaster.ex_ample.com.');
    assert.deepEqual(codes(parse('SOA', '. . 0 0 0 0 0')), [], 'the root for both');
  });

  it('reports missing and extra fields', () => {
    assert.deepEqual(codes(parse('SOA', 'a. b. 1 2 3 4')), ['missing-rdata']);
    assert.deepEqual(codes(parse('SOA', 'a. b. 1 2 3 4 5 6')), ['extra-rdata']);
  });

  it('parseTtlText reads numbers and BIND units', () => {
    assert.equal(parseTtlText('3600'), 3600);
    assert.equal(parseTtlText('1w2d3h4m5s'), 604800 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5);
    assert.equal(parseTtlText('1H'), 3600);
    assert.equal(parseTtlText('1h30'), undefined);
    assert.equal(parseTtlText(''), undefined);
  });
});
