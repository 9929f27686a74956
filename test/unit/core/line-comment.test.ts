import { strict as assert } from 'node:assert';
import { scanLineComment, withoutComment } from '../../../core/src/parse/line-comment';

describe('line comments (zone core)', () => {
  it('finds the first ; outside quoted strings', () => {
    assert.deepEqual(scanLineComment('www IN A 192.0.2.1 ; web'), { commentStart: 19, inString: false });
    assert.deepEqual(scanLineComment('; only a comment'), { commentStart: 0, inString: false });
    assert.deepEqual(scanLineComment('t IN TXT "a;b" ; c ; d'), { commentStart: 15, inString: false });
    assert.deepEqual(scanLineComment('www IN A 192.0.2.1'), { commentStart: -1, inString: false });
    assert.deepEqual(scanLineComment(''), { commentStart: -1, inString: false });
  });

  it('respects escapes: \\; starts no comment and \\" neither opens nor closes a string', () => {
    assert.deepEqual(scanLineComment('a\\;b IN A 192.0.2.1 ;x'), { commentStart: 20, inString: false });
    assert.deepEqual(scanLineComment('t TXT "say \\"hi;\\"" ;x'), { commentStart: 20, inString: false });
    assert.deepEqual(scanLineComment('t TXT \\"x ;y'), { commentStart: 10, inString: false });
    assert.deepEqual(scanLineComment('t TXT "a\\\\" ;y'), { commentStart: 12, inString: false });
    assert.deepEqual(scanLineComment('trailing \\'), { commentStart: -1, inString: false });
  });

  it('tells whether the text ends inside an open string', () => {
    assert.deepEqual(scanLineComment('t IN TXT "open ; not a comment'), { commentStart: -1, inString: true });
    assert.deepEqual(scanLineComment('t IN TXT "closed" "'), { commentStart: -1, inString: true });
    assert.deepEqual(scanLineComment('t IN TXT "a" ; "'), { commentStart: 13, inString: false });
  });

  it('reads the line only up to the end it is given', () => {
    const line = 't IN TXT "a" ; zone-records-disable-line';
    assert.equal(scanLineComment(line, 13).commentStart, -1);
    assert.equal(scanLineComment(line, 14).commentStart, 13);
    assert.deepEqual(scanLineComment(line, 11), { commentStart: -1, inString: true });
  });

  it('cuts the comment off a line', () => {
    assert.equal(withoutComment('www IN A 192.0.2.1 ; web'), 'www IN A 192.0.2.1 ');
    assert.equal(withoutComment('t TXT "a;b"'), 't TXT "a;b"');
  });
});
