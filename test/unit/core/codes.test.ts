import { strict as assert } from 'node:assert';
import { diagnosticCodes, nearestCode } from '../../../core/src/codes';

describe('diagnostic codes', () => {
  it('hold the rules, syntax and rdata codes, each with its meaning', () => {
    for (const code of ['cname-and-other-data', 'target-without-address', 'missing-ttl', 'bad-svcb-param']) {
      assert.ok((diagnosticCodes.get(code) ?? '').length > 10, code);
    }
  });

  it('suggest the nearest code for a typo or a prefix, and nothing for what is too far or too short', () => {
    assert.equal(nearestCode('mixed-ttl'), 'mixed-ttl-rrset');
    assert.equal(nearestCode('cloudflare-tll'), 'cloudflare-ttl');
    assert.equal(nearestCode('duplicate-records'), 'duplicate-record');
    assert.equal(nearestCode('completely-unrelated-words'), undefined);
    assert.equal(nearestCode(''), undefined);
    assert.equal(nearestCode('x'), undefined);
  });
});
