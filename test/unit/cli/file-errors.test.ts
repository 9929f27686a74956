import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileErrorReason } from '../../../cli/src/file-errors';

function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  assert.fail('expected an error');
}

describe('fileErrorReason', () => {
  it("says in words what the system's error code means, and keeps the code", () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-records-errors-'));
    try {
      const missing = thrownBy(() => fs.readFileSync(path.join(folder, 'nope.zone')));
      assert.equal(fileErrorReason(missing), 'no such file, ENOENT');
      assert.equal(fileErrorReason(thrownBy(() => fs.readFileSync(folder))), 'it is a folder, EISDIR');
      const odd = Object.assign(new Error('odd'), { code: 'EWHATEVER' });
      assert.equal(fileErrorReason(odd), 'EWHATEVER');
      assert.equal(fileErrorReason(new Error('disk on fire')), 'disk on fire');
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
