import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

describe('zone-records program', () => {
  it('prints its version', () => {
    const output = execFileSync(process.execPath, ['bin/zone-records.js', '--version'], { encoding: 'utf8' });
    assert.match(output, /^\d+\.\d+\.\d+\n$/);
  });

  it('stops quietly when the reader of its output closes the pipe early', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-records-pipe-'));
    try {
      const zone = path.join(folder, 'example.com.zone');
      // Far more findings than a pipe buffer holds, so that the writes meet the closed pipe.
      const lines = Array.from({ length: 20_000 }, (_, i) => `h${i} 10 IN A 192.0.2.1`);
      fs.writeFileSync(zone, `$ORIGIN example.com.\n${lines.join('\n')}\n`);
      const cli = `${JSON.stringify(process.execPath)} bin/zone-records.js lint ${JSON.stringify(zone)}`;
      const result = spawnSync('bash', ['-c', `set -o pipefail; ${cli} | head -n 1`], { encoding: 'utf8' });
      assert.equal(result.stdout.split('\n').length, 2, result.stdout);
      assert.equal(result.stderr, '');
      assert.equal(result.status, 141);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('writes to a file what it writes to a pipe, for every output format', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-records-file-'));
    try {
      const zone = path.join(folder, 'example.com.zone');
      // Several 64 KB chunks of findings, one with a character beyond ASCII in its message.
      const lines = Array.from({ length: 3_000 }, (_, i) => `h${i} 10 IN A 192.0.2.1`);
      fs.writeFileSync(zone, `$ORIGIN example.com.\n${lines.join('\n')}\nbücher 10 IN A 192.0.2.1\n`);
      for (const format of ['text', 'json', 'github']) {
        const args = ['bin/zone-records.js', 'lint', '--format', format, zone];
        const piped = spawnSync(process.execPath, args, { encoding: 'utf8' });
        const output = path.join(folder, `out.${format}`);
        const fd = fs.openSync(output, 'w');
        const toFile = spawnSync(process.execPath, args, { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
        fs.closeSync(fd);
        assert.equal(toFile.status, piped.status);
        assert.ok(piped.stdout.length > 3 * 65536, `${format}: ${piped.stdout.length} characters`);
        assert.equal(fs.readFileSync(output, 'utf8'), piped.stdout, format);
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
