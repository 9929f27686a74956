// `npm start`: builds, starts the local Cloudflare emulator with examples/demo.zone, and opens VS Code with the
// extension pointed at it: the desktop `code` when it is on PATH, else the code-server from the test setup (the URL
// to open is printed). With CLOUDFLARE_API_TOKEN set, the real API is used and no emulator starts.
//
// Options: --port N (code-server's port, default 8080), --check (start everything, check that the workbench
// answers, then stop: for CI and for trying the script without a browser).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  codeServerEntry,
  isolatedEnv,
  projectRoot,
  requireCodeServer,
  startCodeServer,
  startEmulator,
  workbenchUrl,
  writeUserSettings,
} from './vscode-web.mjs';

const args = process.argv.slice(2);
const check = args.includes('--check');
const portIndex = args.indexOf('--port');
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 8080;
const demoZone = join(projectRoot, 'examples/demo.zone');
const workspace = join(projectRoot, 'examples');

const stops = [];
async function stopAll() {
  while (stops.length > 0)
    await stops
      .pop()()
      .catch(() => undefined);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    process.stdout.write('\nstopping…\n');
    void stopAll().finally(() => process.exit(0));
  });
}

function say(message) {
  process.stdout.write(`${message}\n`);
}

function hasDesktopCode() {
  if (process.env.CI || check) return false;
  const probe = spawnSync('code', ['--version'], { stdio: 'ignore' });
  return probe.status === 0;
}

async function main() {
  say('building…');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'inherit' });

  const env = { ...process.env };
  if (process.env.CLOUDFLARE_API_TOKEN) {
    say('CLOUDFLARE_API_TOKEN is set: using the real Cloudflare API (no emulator).');
  } else {
    const token = `demo-${randomBytes(12).toString('hex')}`;
    // A Pro zone: the demo has record tags, which Cloudflare (and the emulator) refuse on Free zones.
    const emulator = await startEmulator({ token, zones: { 'example.com': demoZone }, plan: 'pro', env: process.env });
    stops.push(emulator.stop);
    say(`emulator: ${emulator.url} serving example.com from examples/demo.zone`);
    env.CLOUDFLARE_API_BASE_URL = emulator.url;
    // The extension reads the token from the environment when none is stored (it is never put in settings).
    env.CLOUDFLARE_API_TOKEN = token;
  }

  if (hasDesktopCode()) {
    // Its own user-data folder starts a separate instance, which gets this environment (token and emulator URL)
    // even when VS Code is already open.
    const root = join(projectRoot, '.vscode-test/start-desktop');
    const folders = { userData: join(root, 'user-data') };
    writeUserSettings(folders, {
      ...(env.CLOUDFLARE_API_BASE_URL ? { 'zoneRecords.apiBaseUrl': env.CLOUDFLARE_API_BASE_URL } : {}),
    });
    say('opening VS Code (desktop) with the extension under development…');
    execFileSync(
      'code',
      [
        '--new-window',
        `--user-data-dir=${folders.userData}`,
        `--extensions-dir=${join(root, 'extensions')}`,
        `--extensionDevelopmentPath=${projectRoot}`,
        workspace,
        demoZone,
      ],
      { env, stdio: 'inherit' },
    );
  } else {
    if (!existsSync(codeServerEntry)) {
      say('code-server is not installed yet: installing it into .vscode-test/ (once, about a minute)…');
      execFileSync('bash', ['scripts/setup-vscode-test.sh'], { cwd: projectRoot, stdio: 'inherit' });
    }
    requireCodeServer();
    const root = join(projectRoot, '.vscode-test/start');
    const folders = {
      userData: join(root, 'user-data'),
      extensions: join(root, 'extensions'),
      xdgConfig: join(root, 'xdg/config'),
      xdgData: join(root, 'xdg/data'),
      xdgCache: join(root, 'xdg/cache'),
      tmp: join(root, 'tmp'),
    };
    for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
    writeUserSettings(folders, {
      'workbench.startupEditor': 'none',
      ...(env.CLOUDFLARE_API_BASE_URL ? { 'zoneRecords.apiBaseUrl': env.CLOUDFLARE_API_BASE_URL } : {}),
    });
    const server = await startCodeServer(folders, isolatedEnv(folders, env), port);
    stops.push(server.stop);
    const url = workbenchUrl(server.url, { folder: workspace, extensionDevelopmentPath: projectRoot });
    say(`\nVS Code (code-server) is ready. Open this URL in a browser:\n\n  ${url}\n`);
    if (check) {
      const response = await fetch(url);
      say(`check: the workbench answered HTTP ${response.status}`);
      await stopAll();
      process.exitCode = response.ok ? 0 : 1;
      return;
    }
  }
  say('Press Ctrl-C to stop.');
  await new Promise(() => undefined);
}

main().catch(async (error) => {
  process.stderr.write(`npm start: ${error.message}\n`);
  await stopAll();
  process.exitCode = 1;
});
