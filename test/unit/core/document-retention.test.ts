import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

describe('a parsed document is not kept in memory after its parse', () => {
  it('keeps no view of the text through the origin (the $ORIGIN written in it or inferred from it)', function () {
    this.timeout(60_000);
    const child = path.join(__dirname, 'document-retention.ts');
    const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', child], { encoding: 'utf8' });
    const { retainedBytes } = JSON.parse(output) as { retainedBytes: number };
    // The text is about 13 MB; what stays (module caches, compiled code) is far less.
    assert.ok(retainedBytes < 4_000_000, `${retainedBytes} bytes are still in use after the parse`);
  });
});
