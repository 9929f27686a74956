import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { LspClient, ensureBuilt, projectRoot } from './lspClient';

describe('zone-records lsp --stdio', function () {
  before(function () {
    this.timeout(120000);
    ensureBuilt();
  });

  it('runs the same language server through the CLI', async () => {
    const client = await LspClient.start({ via: 'cli', settings: { lint: { profile: 'cloudflare' } } });
    try {
      const diagnostics = await client.open(
        'file:///virtual/cli/example.com.zone',
        '$TTL 300\nwww IN A 192.0.2.1\nwww IN CNAME example.net.\n',
      );
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ['cname-and-other-data'],
      );
    } finally {
      await client.stop();
    }
    assert.equal(client.process.exitCode, 0, client.errorOutput);
  });

  it('refuses other transports with a usage message and exit code 2', () => {
    const result = spawnSync(process.execPath, ['bin/zone-records.js', 'lsp'], { cwd: projectRoot, encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /zone-records lsp: the only transport is --stdio/);
    assert.match(result.stderr, /usage: zone-records lsp --stdio/);
    const unknown = spawnSync(process.execPath, ['bin/zone-records.js', 'lsp', '--stdio', '--tcp'], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown option '--tcp'/);
  });

  it('prints its help', () => {
    const result = spawnSync(process.execPath, ['bin/zone-records.js', 'lsp', '--help'], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /usage: zone-records lsp --stdio/);
  });
});
