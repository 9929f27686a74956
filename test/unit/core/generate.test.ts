import assert from 'node:assert/strict';
import {
  expandGenerateTemplate,
  maxGeneratedRecords,
  parseGenerateRange,
  parseGenerateTemplate,
  type GenerateTemplate,
} from '../../../core/src/parse/generate';

function template(text: string): GenerateTemplate {
  const parsed = parseGenerateTemplate(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

function expand(text: string, value: number): string {
  return expandGenerateTemplate(template(text), value);
}

describe('$GENERATE ranges', () => {
  it('reads start-stop and start-stop/step', () => {
    assert.deepEqual(parseGenerateRange('1-10'), { start: 1, stop: 10, step: 1, count: 10 });
    assert.deepEqual(parseGenerateRange('0-9/3'), { start: 0, stop: 9, step: 3, count: 4 });
    assert.deepEqual(parseGenerateRange('5-5'), { start: 5, stop: 5, step: 1, count: 1 });
  });

  it('refuses malformed, empty, zero-step and too large ranges with a message', () => {
    for (const bad of ['1', '1-', '-5', 'a-b', '10-1', '1-10/0', '1-10/x', ' 1-2']) {
      assert.equal(typeof parseGenerateRange(bad), 'string', bad);
    }
    assert.equal(typeof parseGenerateRange(`0-${maxGeneratedRecords - 1}`), 'object');
    const tooMany = parseGenerateRange(`0-${maxGeneratedRecords}`);
    assert.ok(typeof tooMany === 'string' && tooMany.includes('65536'), 'names the limit');
  });
});

describe('$GENERATE templates', () => {
  it('replaces $ with the value', () => {
    assert.equal(expand('host-$', 7), 'host-7');
    assert.equal(expand('$.$', 3), '3.3');
    assert.equal(expand('plain', 3), 'plain');
    assert.equal(template('plain').constant, true);
    assert.equal(template('a$').constant, false);
  });

  it('applies ${offset,width,base}', () => {
    assert.equal(expand('${10}', 5), '15');
    assert.equal(expand('${-1}', 5), '4');
    assert.equal(expand('${0,3}', 5), '005');
    assert.equal(expand('${0,4,x}', 255), '00ff');
    assert.equal(expand('${0,0,X}', 255), 'FF');
    assert.equal(expand('${0,3,o}', 8), '010');
    assert.equal(expand('${1,2,d}.x', 8), '09.x');
  });

  it('writes nibbles least significant first, padded to the width with dots counted', () => {
    assert.equal(expand('${0,0,n}', 0x1a), 'a.1');
    assert.equal(expand('${0,3,n}', 0x1), '1.0');
    assert.equal(expand('${0,7,N}', 0xab), 'B.A.0.0');
  });

  it('keeps $$ as a literal $ and a backslash with the character it escapes', () => {
    assert.equal(expand('a$$b', 1), 'a$b');
    assert.equal(expand('a\\$b$', 2), 'a\\$b2');
    assert.equal(expand('\\\\$', 2), '\\\\2');
  });

  it('refuses a malformed modifier with a message', () => {
    for (const bad of ['${', '${x}', '${1,2,q}', '${1,2,3,4}', '${}']) {
      assert.equal(typeof parseGenerateTemplate(bad), 'string', bad);
    }
  });
});
