import * as assert from 'node:assert/strict';
import { handlerArguments } from '../../../client/src/commands/arguments';

describe('command arguments', () => {
  it('drops the selection array a tree context menu passes after the clicked node', () => {
    const node = { kind: 'record' };
    assert.deepEqual(handlerArguments([node, [node]]), [node]);
  });

  it('keeps what the palette, other menus and tests pass', () => {
    const options = { confirm: true };
    assert.deepEqual(handlerArguments([]), []);
    assert.deepEqual(handlerArguments(['example.com']), ['example.com']);
    assert.deepEqual(handlerArguments([{ zoneId: 'z', recordId: 'r' }, options]), [
      { zoneId: 'z', recordId: 'r' },
      options,
    ]);
  });
});
