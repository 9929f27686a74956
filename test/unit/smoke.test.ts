import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

describe('zone-records program', () => {
  it('prints its version', () => {
    const output = execFileSync(process.execPath, ['bin/zone-records.js', '--version'], { encoding: 'utf8' });
    assert.match(output, /^\d+\.\d+\.\d+\n$/);
  });
});
