import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runEmulator } from '../../../cli/src/emulator';

const projectRoot = resolve(__dirname, '../../..');
const main = join(projectRoot, 'cli/src/main.ts');
const nodeArgs = ['--import', 'tsx', main, 'emulator'];

/** Starts `zone-records emulator ARGS` and resolves with the process and the lines it printed once it is listening. */
function startCli(args: string[], expectedLines: number): Promise<{ child: ChildProcess; lines: string[] }> {
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const lines = output.split('\n').filter((line) => line !== '');
      if (lines.length >= expectedLines) resolvePromise({ child, lines });
    });
    child.on('exit', (code) => reject(new Error(`the emulator exited with ${String(code)}: ${errors}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolvePromise) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolvePromise(code));
    child.kill('SIGTERM');
  });
}

describe('zone-records emulator (command line)', function () {
  this.timeout(30_000);
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'zone-records-cli-'));
  });
  after(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('prints the URL and one line per zone, serves the API, and stops cleanly on SIGTERM', async () => {
    const { child, lines } = await startCli(
      ['--port', '0', '--token', 'cli-token', '--zone', 'example.com', '--zone', 'example.org'],
      3,
    );
    try {
      assert.match(lines[0] ?? '', /^listening on http:\/\/127\.0\.0\.1:\d+\/client\/v4$/);
      assert.match(lines[1] ?? '', /^zone example\.com [0-9a-f]{32}$/);
      assert.match(lines[2] ?? '', /^zone example\.org [0-9a-f]{32}$/);
      const url = (lines[0] ?? '').slice('listening on '.length);
      const response = await fetch(`${url}/zones`, { headers: { authorization: 'Bearer cli-token' } });
      const body = (await response.json()) as { result: { name: string; id: string }[] };
      assert.deepEqual(
        body.result.map((zone) => `zone ${zone.name} ${zone.id}`),
        lines.slice(1),
      );
    } finally {
      assert.equal(await stop(child), 0);
    }
  });

  it('prints the generated token when none is given, and keeps records with --state', async () => {
    const statePath = join(folder, 'state.json');
    const first = await startCli(['--port', '0', '--state', statePath], 3);
    const url = (first.lines[0] ?? '').slice('listening on '.length);
    const zoneId = (first.lines[1] ?? '').split(' ')[2] ?? '';
    const token = /^token (\S+)$/.exec(first.lines[2] ?? '')?.[1] ?? '';
    assert.match(token, /^[A-Za-z0-9_-]{40}$/);
    const created = await fetch(`${url}/zones/${zoneId}/dns_records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'A', name: 'www', content: '192.0.2.1', ttl: 1 }),
    });
    assert.equal(created.status, 200);
    assert.equal(await stop(first.child), 0);

    const second = await startCli(['--port', '0', '--token', 'again', '--state', statePath], 2);
    try {
      const secondUrl = (second.lines[0] ?? '').slice('listening on '.length);
      const list = await fetch(`${secondUrl}/zones/${zoneId}/dns_records`, {
        headers: { authorization: 'Bearer again' },
      });
      const body = (await list.json()) as { result: { name: string }[] };
      assert.deepEqual(
        body.result.map((record) => record.name),
        ['www.example.com'],
      );
    } finally {
      await stop(second.child);
    }
  });

  it('loads a zone from a BIND file with --zone NAME=FILE', async () => {
    const zoneFile = join(folder, 'example.net.zone');
    writeFileSync(zoneFile, '$ORIGIN example.net.\n$TTL 300\nwww IN A 192.0.2.1\n@ IN MX 10 mail\n');
    const { child, lines } = await startCli(['--port', '0', '--token', 't', '--zone', `example.net=${zoneFile}`], 2);
    try {
      const url = (lines[0] ?? '').slice('listening on '.length);
      const zoneId = (lines[1] ?? '').split(' ')[2] ?? '';
      const list = await fetch(`${url}/zones/${zoneId}/dns_records?order=name`, {
        headers: { authorization: 'Bearer t' },
      });
      const body = (await list.json()) as { result: { name: string; type: string }[] };
      assert.deepEqual(
        body.result.map((record) => `${record.name} ${record.type}`),
        ['example.net MX', 'www.example.net A'],
      );
    } finally {
      await stop(child);
    }
  });

  it('refuses a zone file it cannot read (exit 2) or that Cloudflare would refuse (exit 1), saying which', async () => {
    const missing = await runQuietly(['--zone', `example.net=${join(folder, 'nope.zone')}`]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the zone file .*nope\.zone for --zone example\.net/);
    const broken = join(folder, 'broken.zone');
    writeFileSync(broken, 'www IN A 1.2.3\n');
    const invalid = await runQuietly(['--port', '0', '--zone', `example.net=${broken}`]);
    assert.equal(invalid.code, 1);
    assert.match(invalid.stderr, /cannot load the zone file for example\.net: line 1: /);
  });

  it('refuses a host other machines can reach without --allow-remote, and bad options, with exit 2', async () => {
    const remote = await runQuietly(['--host', '0.0.0.0']);
    assert.equal(remote.code, 2);
    assert.match(remote.stderr, /0\.0\.0\.0 is not a loopback address; add --allow-remote/);
    const plan = await runQuietly(['--plan', 'gold']);
    assert.equal(plan.code, 2);
    assert.match(plan.stderr, /--plan must be one of free, pro, business, enterprise/);
    const port = await runQuietly(['--port', '70000']);
    assert.equal(port.code, 2);
    assert.match(port.stderr, /--port must be 0\.\.65535/);
    const unknown = await runQuietly(['--frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown option '--frobnicate'/);
    assert.doesNotMatch(unknown.stderr, /\n\s+at /, 'no stack trace');
  });

  it('prints its options with --help', async () => {
    const help = await runQuietly(['--help']);
    assert.equal(help.code, 0);
    for (const option of [
      '--host',
      '--port',
      '--token',
      '--plan',
      '--zone NAME[=FILE]',
      '--state',
      '--allow-remote',
      '--verbose',
    ]) {
      assert.ok(help.stdout.includes(option), option);
    }
  });
});

/** Runs the command in this process (for answers that come before it serves), capturing what it prints. */
async function runQuietly(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const output = { stdout: '', stderr: '' };
  const originals = {
    stdout: process.stdout.write.bind(process.stdout),
    stderr: process.stderr.write.bind(process.stderr),
  };
  const capture = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array) => {
      output[stream] += String(chunk);
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  try {
    const code = await runEmulator(args);
    return { code, ...output };
  } finally {
    process.stdout.write = originals.stdout;
    process.stderr.write = originals.stderr;
  }
}
