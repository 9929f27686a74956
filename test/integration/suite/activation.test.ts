import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('activation', () => {
  it('activates the extension', async () => {
    const extension = vscode.extensions.getExtension('zone-records.zone-records');
    assert.ok(extension, 'the extension under development is loaded');
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
