import assert from 'node:assert/strict';
import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';

const projectRoot = path.resolve(__dirname, '../../..');

/** Rebuilds dist/cli.js when a source it bundles is newer (the test runs the real program). */
function ensureCliBuilt(): void {
  const bundle = path.join(projectRoot, 'dist/cli.js');
  const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
  const sources = ['cli/src', 'cloudflare/src', 'core/src', 'server/src', 'emulator/src'];
  const newest = Math.max(...sources.map((dir) => newestTime(path.join(projectRoot, dir))));
  if (newest > built) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'inherit' });
}

function newestTime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestTime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe('zone-records plan and apply (end to end against the emulator)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let dir: string;
  const token = 'test-token-5f1c0de';

  /** Runs the program asynchronously: the emulator in this process must keep answering. */
  function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ['bin/zone-records.js', ...args],
        {
          cwd: projectRoot,
          env: { ...process.env, CLOUDFLARE_API_TOKEN: token, CLOUDFLARE_API_BASE_URL: emulator.url, ...env },
        },
        (error, stdout, stderr) => {
          const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
          assert.ok(!stdout.includes(token) && !stderr.includes(token), 'the token never appears in the output');
          resolve({ code, stdout, stderr });
        },
      );
    });
  }

  function zoneFile(name: string, records: string[]): string {
    const file = path.join(dir, name);
    const head = [
      '$ORIGIN example.com.',
      '$TTL 300',
      '@ IN SOA ns1.example.net. admin.example.com. 1 7200 3600 1209600 300',
    ];
    fs.writeFileSync(file, `${[...head, ...records].join('\n')}\n`);
    return file;
  }

  const hosts = (count: number): string[] =>
    Array.from({ length: count }, (_, index) => `h${index} A 192.0.2.${index}`);
  const liveNames = (): string[] =>
    emulator
      .records('example.com')
      .filter((record) => record['type'] !== 'SOA' && record['type'] !== 'NS')
      .map((record) => `${String(record['name'])} ${String(record['type'])} ${String(record['content'])}`)
      .sort();

  before(async () => {
    ensureCliBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zone-records-sync-'));
    // Pro: the zone files have tags, which Cloudflare refuses on Free zones (the emulator too, since issue 15).
    emulator = await startEmulator({
      token,
      zones: [
        { name: 'example.com', plan: 'pro' },
        { name: 'free.example', plan: 'free' },
      ],
    });
  });
  after(async () => {
    await emulator.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => emulator.reset());

  it('plans, applies, and then plans nothing to do', async () => {
    const file = zoneFile('db.example.com', [
      'www 3600 IN A 192.0.2.1 ; web cf_tags=env:prod,cf-proxied:true',
      'mail MX 10 mx1',
      'mx1 A 192.0.2.25',
      'txt TXT "hello world"',
    ]);
    const plan = await run(['plan', '--zone', 'example.com', file]);
    assert.equal(plan.code, 3, plan.stderr);
    assert.match(plan.stdout, /^\+ www\.example\.com\. 1 IN A 192\.0\.2\.1 ; web cf_tags=env:prod,cf-proxied:true$/m);
    assert.match(plan.stdout, /^\+ mail\.example\.com\. 300 IN MX 10 mx1\.example\.com\.$/m);
    assert.match(plan.stdout, /^4 to create, 0 to update, 0 to delete$/m);

    const apply = await run(['apply', '--zone', 'example.com', file]);
    assert.equal(apply.code, 0, apply.stderr);
    assert.match(apply.stdout, /^applied chunk 1\/1: 4 created \(4\/4 changes\)$/m);
    assert.equal(liveNames().length, 4);

    const again = await run(['plan', '--zone', 'example.com', file]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^0 to create, 0 to update, 0 to delete$/m);
  });

  it('shows updates and deletes, and applies them in as many chunks as --batch-size asks', async () => {
    await run(['apply', '--zone', 'example.com', zoneFile('first.zone', hosts(8))]);
    const changed = zoneFile('second.zone', [
      ...hosts(5),
      'h6 A 198.51.100.6',
      'h7 600 A 192.0.2.7',
      'new A 203.0.113.1',
    ]);
    const plan = await run(['plan', '--zone', 'example.com', changed]);
    assert.equal(plan.code, 3, plan.stderr);
    assert.match(plan.stdout, /^~ h6\.example\.com\. A: 192\.0\.2\.6 -> 198\.51\.100\.6$/m);
    assert.match(plan.stdout, /^~ h7\.example\.com\. A 192\.0\.2\.7: ttl 300 -> 600$/m);
    assert.match(plan.stdout, /^- h5\.example\.com\. 300 IN A 192\.0\.2\.5 ; cf_tags=cf-proxied:false$/m);
    assert.match(plan.stdout, /^1 to create, 2 to update, 1 to delete$/m);

    const apply = await run(['apply', '--zone', 'example.com', '--batch-size', '2', changed]);
    assert.equal(apply.code, 0, apply.stderr);
    assert.match(apply.stdout, /^applied chunk 1\/2: 1 deleted, 1 updated \(2\/4 changes\)$/m);
    assert.match(apply.stdout, /^applied chunk 2\/2: 1 updated, 1 created \(4\/4 changes\)$/m);
    assert.ok(liveNames().includes('h6.example.com A 198.51.100.6'));
    assert.ok(!liveNames().includes('h5.example.com A 192.0.2.5'));
  });

  it('asks for --allow-deletes before deleting many records, and changes nothing until then', async () => {
    await run(['apply', '--zone', 'example.com', zoneFile('full.zone', hosts(12))]);
    const before = liveNames();
    const empty = zoneFile('empty.zone', []);
    const plan = await run(['plan', '--zone', 'example.com', empty]);
    assert.equal(plan.code, 3);
    assert.match(plan.stdout, /^- h0\.example\.com\. 300 IN A 192\.0\.2\.0 ; cf_tags=cf-proxied:false$/m);
    assert.match(plan.stdout, /^warning: The plan deletes 12 of 12 records/m);

    const refused = await run(['apply', '--zone', 'example.com', empty]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /deletes 12 of 12 records .*--allow-deletes/);
    assert.deepEqual(liveNames(), before);

    const confirmed = await run(['apply', '--zone', 'example.com', '--allow-deletes', empty]);
    assert.equal(confirmed.code, 0, confirmed.stderr);
    assert.deepEqual(liveNames(), []);
  });

  it('prints the plan as JSON, and accepts --zone-id', async () => {
    const file = zoneFile('json.zone', hosts(2));
    const result = await run(['plan', '--zone-id', emulator.zoneId('example.com'), '--format', 'json', file]);
    assert.equal(result.code, 3, result.stderr);
    const json = JSON.parse(result.stdout) as { zone: string; summary: unknown; posts: { name: string }[] };
    assert.equal(json.zone, 'example.com');
    assert.deepEqual(json.summary, { create: 2, update: 0, delete: 0 });
    assert.deepEqual(
      json.posts.map((post) => post.name),
      ['h0.example.com', 'h1.example.com'],
    );
  });

  it('reports a batch the API rejects with its Cloudflare error and says which chunks were applied', async () => {
    const file = zoneFile('conflict.zone', hosts(4));
    emulator.faults.add({ kind: 'status', status: 400, path: '/zones/*/dns_records/batch', times: 1 });
    const result = await run(['apply', '--zone', 'example.com', '--batch-size', '2', file]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /Stopped after 0 of 2 chunks applied: chunk 1 was rejected and changed nothing \(.*Cloudflare \d+/,
    );
    assert.match(result.stderr, /Run the plan again to see exactly what is left/);
    assert.deepEqual(liveNames(), []);
  });

  it('names the record Cloudflare refuses, with its line and error, and applies nothing of its chunk', async () => {
    const file = zoneFile('refused.zone', [...hosts(3), 'www CNAME h1']);
    // Someone adds an A record at www between the plan's read of the zone and its batch (held back 1.5 s).
    emulator.faults.add({ kind: 'delay', delayMs: 1500, method: 'POST', path: '/zones/*/dns_records/batch' });
    const running = run(['apply', '--zone', 'example.com', file]);
    while (emulator.log.count({ method: 'GET', path: '/zones/*/dns_records' }) === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const zoneId = emulator.zoneId('example.com');
    const added = await fetch(`${emulator.url}/zones/${zoneId}/dns_records`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'A', name: 'www.example.com', content: '192.0.2.99', ttl: 300 }),
    });
    assert.equal(added.status, 200);
    const result = await running;
    assert.equal(result.code, 1, result.stdout);
    assert.match(
      result.stderr,
      /chunk 1 was rejected and changed nothing\. Cloudflare refuses create www\.example\.com CNAME h1\.example\.com\. \(line 7\): Cloudflare 81053: /,
    );
    assert.match(result.stderr, /API budget \d[\d,]* \/ 1,200 requests left, resets in/);
    assert.deepEqual(liveNames(), ['www.example.com A 192.0.2.99'], 'nothing of the chunk was applied');
  });

  it('refuses before sending what Cloudflare would refuse: tags on a Free zone', async () => {
    const file = path.join(dir, 'free.zone');
    fs.writeFileSync(file, '$ORIGIN free.example.\n$TTL 300\nwww A 192.0.2.1 ; cf_tags=env:prod\nok A 192.0.2.2\n');
    emulator.log.clear();
    const result = await run(['apply', '--zone', 'free.example', file]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /Nothing was sent: Cloudflare would refuse 1 record of the zone file\. Fix it first:\nwww\.free\.example A 192\.0\.2\.1 \(line 3\): tags \(env:prod\) need a paid plan; the zone is on Free/,
    );
    assert.equal(emulator.log.count({ method: 'POST' }), 0, 'no batch was sent');
  });

  it('stops after the chunk in flight on Ctrl-C and reports it', async () => {
    const file = zoneFile('interrupted.zone', hosts(3));
    // Each batch takes 3 s, so the interrupt arrives while the first one is in flight.
    emulator.faults.add({ kind: 'delay', delayMs: 3000, path: '/zones/*/dns_records/batch', persistent: true });
    const child = spawn(
      process.execPath,
      ['bin/zone-records.js', 'apply', '--zone', 'example.com', '--batch-size', '1', file],
      {
        cwd: projectRoot,
        env: { ...process.env, CLOUDFLARE_API_TOKEN: token, CLOUDFLARE_API_BASE_URL: emulator.url },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.stdout.on('data', (data: Buffer) => {
      stdout += data.toString();
      // The plan is printed just before the first batch is sent, in the same turn that installs the handler.
      if (stdout.includes('3 to create') && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    emulator.faults.clear();
    assert.equal(code, 1, stderr);
    assert.match(stdout, /^applied chunk 1\/3: 1 created \(1\/3 changes\)$/m);
    assert.match(stderr, /stopping after the chunk in flight/);
    assert.match(stderr, /Cancelled after 1 of 3 chunks applied \(chunk 1\); the rest was not sent\./);
    assert.deepEqual(liveNames(), ['h0.example.com A 192.0.2.0']);
  });

  it('blocks the plan when the file has lint errors, with the lint output', async () => {
    const file = zoneFile('bad.zone', ['www A 192.0.2.300', 'www CNAME other.example.net.']);
    const result = await run(['plan', '--zone', 'example.com', file]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /bad\.zone:4:\d+: error bad-ipv4 /);
    assert.match(result.stderr, /fix them before syncing/);
    assert.equal(emulator.log.count({ path: '/zones/*/dns_records' }), 0);
  });

  it('fails clearly on a wrong token, an unknown zone and a missing file', async () => {
    const file = zoneFile('ok.zone', hosts(1));
    const wrongToken = await run(['plan', '--zone', 'example.com', file], { CLOUDFLARE_API_TOKEN: 'not-the-token' });
    assert.equal(wrongToken.code, 1);
    assert.match(wrongToken.stderr, /^zone-records plan: Cloudflare \d+: /);
    const unknownZone = await run(['plan', '--zone', 'example.org', file]);
    assert.equal(unknownZone.code, 1);
    assert.match(unknownZone.stderr, /no zone named example\.org is visible to this API token/);
    const missing = await run(['plan', '--zone', 'example.com', path.join(dir, 'missing.zone')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /cannot read .*missing\.zone: no such file/);
  });

  it('exits 2 on bad usage and 0 on --help', async () => {
    for (const args of [
      ['plan'],
      ['plan', 'x.zone'],
      ['plan', '--zone', 'a', '--zone-id', 'b', 'x.zone'],
      ['plan', '--zone', 'a', '--format', 'yaml', 'x.zone'],
      ['plan', '--zone', 'a', '--allow-deletes', 'x.zone'],
      ['apply', '--zone', 'a', '--batch-size', '0', 'x.zone'],
      ['apply', '--zone', 'a', '--bogus', 'x.zone'],
    ]) {
      const result = await run(args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.stderr, /--help shows the options/);
    }
    const help = await run(['apply', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--allow-deletes/);
    assert.match(help.stdout, /CLOUDFLARE_API_TOKEN/);
  });
});
