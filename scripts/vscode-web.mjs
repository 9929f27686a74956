// Runs VS Code for the browser (code-server, installed by scripts/setup-vscode-test.sh) and the local emulator
// as child processes, each in its own process group so that everything they start is ended with them.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const codeServerEntry = join(projectRoot, '.vscode-test/code-server/node_modules/code-server/out/node/entry.js');
const runsRoot = join(projectRoot, '.vscode-test/runs');

/** Fails with the command that fixes it when code-server is not installed. */
export function requireCodeServer() {
  if (!existsSync(codeServerEntry)) {
    throw new Error(
      `code-server is not installed (${codeServerEntry} is missing).\n` +
        'Run: bash scripts/setup-vscode-test.sh   (installs code-server 4.100.3 into .vscode-test/)',
    );
  }
}

/**
 * A fresh set of folders for one run: VS Code's user data and extensions, XDG folders, TMPDIR, the browser
 * profile and a workspace. Only the newest few runs are kept, for looking at after a failure.
 */
export function makeRunFolders(label, keep = 3) {
  mkdirSync(runsRoot, { recursive: true });
  const old = readdirSync(runsRoot)
    .filter((name) => name.startsWith(`${label}-`))
    .sort();
  for (const name of old.slice(0, Math.max(0, old.length - keep + 1))) {
    rmSync(join(runsRoot, name), { recursive: true, force: true });
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const root = join(runsRoot, `${label}-${stamp}-${process.pid}`);
  const folders = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    xdgConfig: join(root, 'xdg/config'),
    xdgData: join(root, 'xdg/data'),
    xdgCache: join(root, 'xdg/cache'),
    // VS Code puts IPC sockets in TMPDIR, and a socket path must stay under 108 bytes: a short folder.
    tmp: mkdtempSync(join(existsSync('/tmp') ? '/tmp' : tmpdir(), 'zr-')),
    browserProfile: join(root, 'browser'),
    workspace: join(root, 'workspace'),
    signals: join(root, 'signals'),
  };
  for (const folder of Object.values(folders)) mkdirSync(folder, { recursive: true });
  writeFileSync(join(root, 'tmpdir.txt'), `${folders.tmp}\n`);
  return folders;
}

/** Removes the run's TMPDIR (the rest of the run folder stays for looking at). */
export function removeRunTmp(folders) {
  rmSync(folders.tmp, { recursive: true, force: true });
}

/** Writes VS Code user settings that keep the workbench quiet and predictable. */
export function writeUserSettings(folders, extra = {}) {
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'window.restoreWindows': 'none',
    'files.hotExit': 'off',
    'chat.commandCenter.enabled': false,
    'workbench.colorTheme': 'Default Dark Modern',
    ...extra,
  };
  const userFolder = join(folders.userData, 'User');
  mkdirSync(userFolder, { recursive: true });
  writeFileSync(join(userFolder, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

/** The environment for child processes: the run's own XDG folders and TMPDIR. */
export function isolatedEnv(folders, extra = {}) {
  const env = { ...process.env };
  // The runner's own npm/VS Code variables would leak into the extension host.
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key.startsWith('npm_')) delete env[key];
  }
  return {
    ...env,
    XDG_CONFIG_HOME: folders.xdgConfig,
    XDG_DATA_HOME: folders.xdgData,
    XDG_CACHE_HOME: folders.xdgCache,
    TMPDIR: folders.tmp,
    ...extra,
  };
}

/**
 * Starts a process in its own process group and resolves once `ready(output)` returns a value (or rejects when
 * it exits first or `timeoutMs` passes). The returned `stop()` ends the whole group.
 */
export function startProcess({ name, command, args, env, cwd = projectRoot, ready, timeoutMs }) {
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exited = false;
  const exitedPromise = new Promise((resolveExit) => child.once('exit', resolveExit));
  child.once('exit', () => (exited = true));

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    signalGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 3000);
    await exitedPromise;
    clearTimeout(timer);
    // Children of the leader (extension host, language server) may outlive it for a moment.
    signalGroup(child.pid, 'SIGKILL');
  };

  const started = new Promise((resolveStart, rejectStart) => {
    const timer = setTimeout(() => {
      rejectStart(new Error(`${name} did not start within ${timeoutMs / 1000} s. Its output:\n${output}`));
    }, timeoutMs);
    const onData = (chunk) => {
      output += chunk.toString();
      const value = ready(output);
      if (value !== undefined) {
        clearTimeout(timer);
        resolveStart(value);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      rejectStart(new Error(`${name} could not be started: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      rejectStart(
        new Error(`${name} exited (${signal ?? `code ${code}`}) before it was ready. Its output:\n${output}`),
      );
    });
  });
  return { child, started, stop, output: () => output };
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Retries `attempt` (which must clean up after itself when it fails) a few times before giving up. */
export async function withRetries(what, attempts, attempt) {
  let lastError;
  for (let index = 1; index <= attempts; index += 1) {
    try {
      return await attempt(index);
    } catch (error) {
      lastError = error;
      process.stderr.write(`${what}: attempt ${index} of ${attempts} failed: ${error.message}\n`);
    }
  }
  throw lastError;
}

/** Starts code-server on a loopback port (default: a free one); resolves to { url, stop }. */
export async function startCodeServer(folders, env, port = 0) {
  requireCodeServer();
  return withRetries('code-server', 3, async () => {
    const processHandle = startProcess({
      name: 'code-server',
      command: process.execPath,
      args: [
        codeServerEntry,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
        '--user-data-dir',
        folders.userData,
        '--extensions-dir',
        folders.extensions,
      ],
      env,
      ready: (output) => /HTTP server listening on (http:\/\/[^\s/]+)\/?/.exec(output)?.[1],
      timeoutMs: 60_000,
    });
    try {
      const url = await processHandle.started;
      return { url, stop: processHandle.stop, output: processHandle.output, child: processHandle.child };
    } catch (error) {
      await processHandle.stop();
      throw error;
    }
  });
}

/**
 * Starts `zone-records emulator` (bin/zone-records.js) with the given zones ({ name: file }); resolves to
 * { url, zoneIds, stop } once it printed its URL and every zone's id.
 */
export async function startEmulator({ token, zones, plan, env }) {
  const zoneArgs = Object.entries(zones).flatMap(([name, file]) => ['--zone', file ? `${name}=${file}` : name]);
  const expectedZones = Object.keys(zones).length;
  return withRetries('emulator', 3, async () => {
    const processHandle = startProcess({
      name: 'the emulator',
      command: process.execPath,
      args: [
        join(projectRoot, 'bin/zone-records.js'),
        'emulator',
        '--port',
        '0',
        '--token',
        token,
        ...(plan ? ['--plan', plan] : []),
        ...zoneArgs,
      ],
      env,
      ready: (output) => {
        const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
        const zoneIds = Object.fromEntries(
          [...output.matchAll(/^zone (\S+) ([0-9a-f]{32})\s*$/gm)].map((m) => [m[1], m[2]]),
        );
        return url && Object.keys(zoneIds).length >= expectedZones ? { url, zoneIds } : undefined;
      },
      timeoutMs: 30_000,
    });
    try {
      const { url, zoneIds } = await processHandle.started;
      return { url, zoneIds, stop: processHandle.stop, output: processHandle.output, child: processHandle.child };
    } catch (error) {
      await processHandle.stop();
      throw error;
    }
  });
}

/** The chromium flags design.md lists for a headless workbench. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Debian's chromium (never playwright's own download). */
export function chromiumPath() {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  throw new Error('chromium is not installed: run apt-get install -y chromium (or set CHROMIUM_PATH)');
}

/** The workbench URL that opens `folder` with the extension under development and, optionally, the tests. */
export function workbenchUrl(serverUrl, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const host = new URL(serverUrl).host;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${host}${extensionDevelopmentPath}`]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', `vscode-remote://${host}${extensionTestsPath}`]);
  const query = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
  return `${serverUrl}/?${query.toString()}`;
}
