import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runLint } from '../../../cli/src/lint';
import { zoneFilesUnder } from '../../../cli/src/zone-files';

const projectRoot = path.resolve(__dirname, '../../..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function lintCli(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runLint(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readFile: (file) => fs.readFileSync(file, 'utf8'),
    writeFile: (file, text) => fs.writeFileSync(file, text),
    zoneFilesUnder,
  });
  return { code, stdout, stderr };
}

const soa = '@ IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300';

describe('zone-records lint (CLI)', () => {
  let dir: string;
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-lint-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints file:line:col: severity code message, 1-based, and exits 1 on an error', async () => {
    const file = write(
      'db.example.com',
      `$TTL 300\n${soa}\n@ IN NS ns1\nwww IN CNAME a.example.net.\nwww IN A 192.0.2.1\n`,
    );
    const run = await lintCli([file]);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
    assert.match(
      run.stdout,
      new RegExp(`^${escape(file)}:5:1: error cname-and-other-data A/AAAA records cannot share`, 'm'),
    );
  });

  it('exits 0 with no output on a clean file, also with warnings only', async () => {
    const clean = write('clean.zone', `$TTL 300\n${soa}\n@ IN NS ns1\nns1 IN A 192.0.2.1\n`);
    assert.deepEqual(await lintCli(['--origin', 'example.com', clean]), { code: 0, stdout: '', stderr: '' });
    const warned = write('warned.zone', `$TTL 300\n${soa}\n@ IN NS ns1\nns1 IN A 192.0.2.1\nns1 IN A 192.0.2.1\n`);
    const run = await lintCli(['--origin', 'example.com', warned]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /:5:1: warning duplicate-record /);
  });

  it('fails on warnings past --max-warnings', async () => {
    const warned = write('warned.zone', `$TTL 300\n${soa}\n@ IN NS ns1\nns1 IN A 192.0.2.1\nns1 IN A 192.0.2.1\n`);
    assert.equal((await lintCli(['--origin', 'example.com', '--max-warnings', '1', warned])).code, 0);
    const strict = await lintCli(['--origin', 'example.com', '--max-warnings=0', warned]);
    assert.equal(strict.code, 1);
    assert.equal(strict.stderr, 'zone-records lint: 1 warnings, more than --max-warnings 0\n');
    assert.equal((await lintCli(['--max-warnings', 'many', warned])).code, 2);
  });

  it('prints GitHub Actions annotations with --format github, escaping what the commands need', async () => {
    const file = write(
      'gh,1.zone',
      `$TTL 300\n${soa}\n@ IN NS ns1\nns1 IN A 192.0.2.1\nns1 IN A 192.0.2.1\nwww 30 IN A 192.0.2.9\n`,
    );
    const run = await lintCli(['--origin', 'example.com', '--format', 'github', file]);
    assert.equal(run.code, 1);
    const escaped = file.replace(/:/g, '%3A').replace(/,/g, '%2C');
    assert.deepEqual(run.stdout.split('\n').filter(Boolean), [
      `::warning file=${escaped},line=5,col=1,endLine=5,endColumn=19,title=zone-records duplicate-record::This A record duplicates an earlier one at ns1.example.com.: remove one of them.`,
      `::error file=${escaped},line=6,col=5,endLine=6,endColumn=7,title=zone-records cloudflare-ttl::Cloudflare accepts a TTL of 1 (automatic) or 60 to 86400 seconds, not 30: use 60 or 1.`,
    ]);
  });

  it('lints the zone files in a folder and below it, in name order, and says when a folder has none', async () => {
    write('zones/b.zone', `$TTL 300\n${soa}\nx 30 IN A 192.0.2.1\n`);
    write('zones/sub/db.example.org', `$TTL 300\n${soa}\ny 30 IN A 192.0.2.1\n`);
    write('zones/a.dns', `$TTL 300\n${soa}\nz 30 IN A 192.0.2.1\n`);
    write('zones/notes.txt', 'x 30 IN A 192.0.2.1\n');
    write('zones/.hidden/c.zone', 'x 30 IN A 192.0.2.1\n');
    const run = await lintCli(['--origin', 'example.com', path.join(dir, 'zones')]);
    assert.equal(run.code, 1);
    assert.deepEqual(
      run.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => path.relative(dir, line.split(':')[0] ?? '')),
      [path.join('zones', 'a.dns'), path.join('zones', 'b.zone'), path.join('zones', 'sub', 'db.example.org')],
    );
    fs.mkdirSync(path.join(dir, 'empty'));
    const empty = await lintCli([path.join(dir, 'empty')]);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /empty holds no zone files/);
  });

  it('applies the fixes with --fix, writes the file once it changed, and reports what is left', async () => {
    const before = [
      '$ORIGIN example.com.',
      '$TTL 30',
      soa,
      '@ IN NS ns1',
      'ns1 IN A 192.0.2.1',
      'café IN A 192.0.2.2',
      'www IN A 192.0.2.3',
      'www IN A 192.0.2.3',
      'svc IN HTTPS 1 . alpn=h2 echconfig=AEj+DQBEAQAgACBvq2tuPA==',
      'x IN A 192.0.2.9 ; zone-records-disable-line cloudflare-tll',
      'bad IN A 192.0.2',
      '',
    ].join('\n');
    const file = write('fix.zone', before);
    const run = await lintCli(['--fix', file]);
    assert.equal(run.stderr, `zone-records lint: fixed 5 findings in ${file}\n`);
    assert.equal(
      fs.readFileSync(file, 'utf8'),
      before
        .replace('$TTL 30', '$TTL 60')
        .replace('café', 'xn--caf-dma')
        .replace('www IN A 192.0.2.3\nwww IN A 192.0.2.3\n', 'www IN A 192.0.2.3\n')
        .replace('echconfig=', 'ech=')
        .replace('cloudflare-tll', 'cloudflare-ttl'),
    );
    assert.equal(run.code, 1, 'the bad address has no fix');
    assert.deepEqual(
      run.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(' ')[2]),
      ['bad-ipv4'],
    );
    const again = await lintCli(['--fix', file]);
    assert.equal(again.stderr, '', 'nothing left to fix: the file is not written again');
    assert.equal(again.stdout, run.stdout);
  });

  it('prints JSON with 0-based LSP ranges, one entry per file', async () => {
    const a = write('a.zone', `$TTL 300\n${soa}\nx 30 IN A 192.0.2.1\n`);
    const b = write('b.zone', `$TTL 300\n${soa}\n`);
    const run = await lintCli(['--format', 'json', '--origin=example.com.', a, b]);
    assert.equal(run.code, 1);
    const parsed = JSON.parse(run.stdout) as { file: string; diagnostics: unknown[] }[];
    assert.deepEqual(parsed, [
      {
        file: a,
        diagnostics: [
          {
            code: 'cloudflare-ttl',
            severity: 'error',
            message: 'Cloudflare accepts a TTL of 1 (automatic) or 60 to 86400 seconds, not 30: use 60 or 1.',
            range: { start: { line: 2, character: 2 }, end: { line: 2, character: 4 } },
          },
        ],
      },
      { file: b, diagnostics: [] },
    ]);
  });

  it('takes the profile from --profile and rule severities from --rule', async () => {
    const file = write('p.zone', `$TTL 300\n${soa}\n@ IN NS ns1.example.net.\nx 30 IN A 192.0.2.1\n`);
    assert.equal((await lintCli(['--origin', 'example.com', '--profile', 'bind', file])).code, 0);
    const offed = await lintCli(['--origin', 'example.com', '--rule', 'cloudflare-ttl=off', file]);
    assert.deepEqual(offed, { code: 0, stdout: '', stderr: '' });
    const hinted = await lintCli(['--origin', 'example.com', '--rule', 'cloudflare-ttl=hint', file]);
    assert.equal(hinted.code, 0);
    assert.match(hinted.stdout, /:4:3: hint cloudflare-ttl /);
  });

  it('takes --profile knot: errors where kzonecheck refuses the zone', async () => {
    const file = write('k.zone', `$TTL 300\n${soa}\n@ IN NS ns1.example.net.\nc IN NS ns.c\n`);
    assert.equal((await lintCli(['--origin', 'example.com', '--profile', 'bind', file])).code, 0);
    const knot = await lintCli(['--origin', 'example.com', '--profile', 'knot', file]);
    assert.equal(knot.code, 1);
    assert.match(knot.stdout, /:4:\d+: error missing-glue /);
    const wrong = await lintCli(['--profile', 'nsd', file]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /--profile must be cloudflare, bind or knot, not 'nsd'/);
  });

  it('finds the origin in $ORIGIN, then the SOA owner, then the file name', async () => {
    const text = `$TTL 300\n${soa}\n@ IN NS ns1\nns1 IN A 192.0.2.1\nother.test. IN A 192.0.2.2\n`;
    const byName = write('example.com.zone', text);
    const run = await lintCli(['--profile', 'bind', byName]);
    assert.match(run.stdout, /:5:1: warning out-of-zone other\.test\. is outside the zone example\.com\./);
    // The SOA owner wins over the file name, and a $ORIGIN before it over both (order tested in the zone core).
    const bySoa = write('example.com.zone', text.replace('@ IN SOA', 'other.test. IN SOA'));
    assert.doesNotMatch((await lintCli(['--profile', 'bind', bySoa])).stdout, /out-of-zone other\.test\./);
    const byDirective = write('example.com.zone', `$ORIGIN example.org.\n${text}`);
    assert.match(
      (await lintCli(['--profile', 'bind', byDirective])).stdout,
      /:6:1: warning out-of-zone other\.test\. is outside the zone example\.org\./,
    );
  });

  it('reads $INCLUDE relative to the including file and reports in the included file', async () => {
    write('zones/part.inc', 'dup IN TXT "a"\ndup IN TXT "a"\n');
    const main = write(
      'zones/main.zone',
      `$ORIGIN example.com.\n$TTL 300\n${soa}\n@ IN NS ns1.example.net.\n$INCLUDE part.inc\n`,
    );
    const run = await lintCli(['--profile', 'bind', main]);
    assert.match(
      run.stdout,
      new RegExp(`^${escape(path.join(dir, 'zones/part.inc'))}:2:1: warning duplicate-record `, 'm'),
    );
  });

  it('lists findings of an $INCLUDEd file under that file in JSON, and honours its disable comments', async () => {
    write(
      'zones/part.inc',
      'a IN TXT "x"\na IN TXT "x"\nb IN TXT "y"\nb IN TXT "y" ; zone-records-disable-line duplicate-record\n',
    );
    const main = write(
      'zones/main.zone',
      `$ORIGIN example.com.\n$TTL 300\n${soa}\n@ IN NS ns1.example.net.\n$INCLUDE part.inc\n`,
    );
    const run = await lintCli(['--profile', 'bind', '--format', 'json', main]);
    assert.equal(run.code, 0);
    const parsed = JSON.parse(run.stdout) as { file: string; diagnostics: { code: string; range: unknown }[] }[];
    assert.deepEqual(
      parsed.map((entry) => [entry.file, entry.diagnostics.map((d) => d.code)]),
      [
        [main, []],
        [path.join(dir, 'zones/part.inc'), ['duplicate-record']],
      ],
    );
    assert.deepEqual(parsed[1]?.diagnostics[0]?.range, {
      start: { line: 1, character: 0 },
      end: { line: 1, character: 12 },
    });
  });

  it('exits 2 with a clear message on bad usage and on an unreadable file', async () => {
    const missing = await lintCli([path.join(dir, 'nope.zone')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nope\.zone \(no such file, ENOENT\): check the path/);
    const typo = await lintCli(['--rule', 'mixed-ttl=off', 'x']);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /'mixed-ttl' is not a diagnostic code \(did you mean 'mixed-ttl-rrset'\?\)/);
    for (const args of [[], ['--profile', 'nsd', 'x'], ['--format', 'xml', 'x'], ['--bogus', 'x'], ['--origin']]) {
      const run = await lintCli(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /^zone-records lint: .+\n\nusage: zone-records lint/);
    }
    const help = await lintCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--profile cloudflare\|bind\|knot/);
  });

  it('runs as a program through the CLI entry with the same exit codes', function () {
    this.timeout(60000);
    const bad = write('bad.zone', `$TTL 300\n${soa}\nwww IN CNAME a.example.net.\nwww IN A 192.0.2.1\n`);
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'cli/src/main.ts'), 'lint', ...args], {
        cwd: projectRoot,
        encoding: 'utf8',
      });
    const result = run(['--origin', 'example.com', bad]);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /:4:1: error cname-and-other-data /);
    assert.equal(run([path.join(dir, 'missing.zone')]).status, 2);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
