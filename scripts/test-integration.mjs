// `npm run test:integration`: runs test/integration (mocha inside the extension host) in a real VS Code 1.100
// (code-server + headless Debian chromium driven by playwright-core), against the local emulator.
//
// The workbench is opened with VS Code's test payload (extensionDevelopmentPath + extensionTestsPath); it reports
// through window.codeAutomationLog and ends the run with window.codeAutomationExit(code). A test asks for a
// screenshot by logging `[zone-records:screenshot] NAME`; the runner saves out/screenshots/NAME.png (ignored, so a
// test run leaves the tree clean; `npm run docs:screenshots` saves them to docs/ on purpose) and then writes
// signals/NAME.done so that the test can go on.
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import {
  chromiumArgs,
  chromiumPath,
  isolatedEnv,
  makeRunFolders,
  projectRoot,
  removeRunTmp,
  requireCodeServer,
  startCodeServer,
  startEmulator,
  workbenchUrl,
  writeUserSettings,
} from './vscode-web.mjs';

const RUN_TIMEOUT_MS = Number(process.env.ZONE_RECORDS_INTEGRATION_TIMEOUT_MS ?? 20 * 60_000);
/** How long the extension host may take to say anything at all before the run counts as stuck at start-up. */
const START_TIMEOUT_MS = 180_000;
const SCREENSHOT_MARKER = '[zone-records:screenshot] ';
// A test asks for a wider sidebar (the test window's is narrow) by logging this marker and a width in pixels.
const SIDEBAR_MARKER = '[zone-records:sidebar] ';
// A token that cannot be mistaken for anything else, so that finding it in a log is meaningful.
const TEST_TOKEN = `zr-test-token-${process.pid}-${Date.now().toString(36)}-SECRET`;

const workbenchChatter =
  /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|Creating a socket|Resolving connection token|Resolved connection token|\[Service Worker\]|ChatSessionStore:)/;

class InfrastructureError extends Error {}

const cleanups = [];
const runFolders = [];
async function cleanUp() {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop();
    try {
      await cleanup();
    } catch (error) {
      process.stderr.write(`cleanup: ${error.message}\n`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    process.stderr.write(`\ntest-integration: ${signal}, stopping\n`);
    void cleanUp().finally(() => {
      runFolders.forEach(removeRunTmp);
      process.exit(130);
    });
  });
}

function log(message) {
  process.stdout.write(`test-integration: ${message}\n`);
}

function prepareWorkspace(folders) {
  cpSync(join(projectRoot, 'test/fixtures/integration'), folders.workspace, { recursive: true });
  mkdirSync(join(folders.workspace, '.vscode'), { recursive: true });
}

/** Every file under `folder` whose text contains `needle`. */
function filesContaining(folder, needle) {
  const hits = [];
  if (!existsSync(folder)) return hits;
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    const stats = statSync(path);
    if (stats.isDirectory()) hits.push(...filesContaining(path, needle));
    else if (stats.isFile() && stats.size < 50_000_000 && readFileSync(path).includes(needle)) hits.push(path);
  }
  return hits;
}

async function runOnce(attempt) {
  const folders = makeRunFolders('integration');
  runFolders.push(folders);
  log(`attempt ${attempt}: run folder ${folders.root}`);
  prepareWorkspace(folders);
  // No extension gallery: nothing may reach the internet, and an unreachable one only adds errors to the output.
  const baseEnv = isolatedEnv(folders, { EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }) });
  delete baseEnv.CLOUDFLARE_API_TOKEN;
  delete baseEnv.CLOUDFLARE_API_KEY;
  delete baseEnv.CLOUDFLARE_EMAIL;

  // Both zones start empty: the tests fill them through the extension's own commands (import, create, sync).
  const emulator = await startEmulator({
    token: TEST_TOKEN,
    zones: { 'example.com': '', 'example.org': '' },
    env: baseEnv,
  });
  cleanups.push(emulator.stop);
  log(`emulator at ${emulator.url} (zones ${JSON.stringify(emulator.zoneIds)})`);

  writeUserSettings(folders, { 'zoneRecords.apiBaseUrl': emulator.url });
  const server = await startCodeServer(
    folders,
    isolatedEnv(folders, {
      ...Object.fromEntries(Object.entries(baseEnv).filter(([key]) => !key.startsWith('CLOUDFLARE_'))),
      ZONE_RECORDS_TEST_TOKEN: TEST_TOKEN,
      ZONE_RECORDS_TEST_API_URL: emulator.url,
      ZONE_RECORDS_TEST_ZONE_IDS: JSON.stringify(emulator.zoneIds),
      ZONE_RECORDS_TEST_WORKSPACE: folders.workspace,
      ZONE_RECORDS_TEST_SIGNALS: folders.signals,
    }),
  );
  cleanups.push(server.stop);
  log(`code-server at ${server.url}`);

  const context = await chromium.launchPersistentContext(folders.browserProfile, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1440, height: 900 },
  });
  cleanups.push(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  const browserLog = [];
  // Console messages repeat what codeAutomationLog reports; only errors are kept for a failure report.
  page.on('console', (message) => {
    if (message.type() === 'error') browserLog.push(`[browser error] ${message.text()}`);
  });
  page.on('pageerror', (error) => browserLog.push(`[browser pageerror] ${error.message}`));

  const transcript = [];
  let heardFromHost = false;
  let screenshots = Promise.resolve();
  const exitCode = new Promise((resolveExit) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...(Array.isArray(args) ? args : [args]));
    heardFromHost = true;
    transcript.push(text);
    for (const line of text.split('\n')) {
      const index = line.indexOf(SCREENSHOT_MARKER);
      if (index >= 0) {
        const name = line.slice(index + SCREENSHOT_MARKER.length).trim();
        screenshots = screenshots.then(() => saveScreenshot(page, folders, name));
      }
      const sidebar = line.indexOf(SIDEBAR_MARKER);
      if (sidebar >= 0) {
        const width = Number(line.slice(sidebar + SIDEBAR_MARKER.length).trim());
        screenshots = screenshots.then(() => resizeSidebar(page, folders, width));
      }
    }
    // The workbench's own start-up chatter goes to the run folder only; the tests' output and errors are shown.
    if (workbenchChatter.test(text)) appendFileSync(join(folders.root, 'workbench.log'), `${text}\n`);
    else if (type === 'error' || type === 'warn') process.stdout.write(`[${type}] ${text}\n`);
    else process.stdout.write(`${text}\n`);
  });

  const url = workbenchUrl(server.url, {
    folder: folders.workspace,
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: join(projectRoot, 'dist/test/integration/index.js'),
  });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  let timer;
  let stopping = false;
  const timeout = new Promise((_, reject) => {
    // A dead browser page, emulator or server ends the run at once, with the reason, instead of at the timeout.
    page.once('crash', () => reject(new InfrastructureError('the browser page crashed')));
    context.once('close', () => stopping || reject(new InfrastructureError('the browser closed unexpectedly')));
    for (const [name, child] of [
      ['the emulator', emulator.child],
      ['code-server', server.child],
    ]) {
      child.once('exit', (code, signal) => {
        if (!stopping) reject(new Error(`${name} exited during the run (${signal ?? `code ${code}`})`));
      });
    }
    const started = Date.now();
    timer = setInterval(() => {
      const elapsed = Date.now() - started;
      if (!heardFromHost && elapsed > START_TIMEOUT_MS) {
        reject(new InfrastructureError(`the extension host reported nothing within ${START_TIMEOUT_MS / 1000} s`));
      } else if (elapsed > RUN_TIMEOUT_MS) {
        reject(new Error(`the integration run did not finish within ${RUN_TIMEOUT_MS / 1000} s`));
      }
    }, 1000);
  });
  try {
    const code = await Promise.race([exitCode, timeout]);
    await screenshots;
    return { code, transcript, folders, browserLog, serverOutput: server.output(), emulatorOutput: emulator.output() };
  } catch (error) {
    error.details = { folders, browserLog, serverOutput: server.output(), emulatorOutput: emulator.output() };
    throw error;
  } finally {
    stopping = true;
    clearInterval(timer);
  }
}

async function saveScreenshot(page, folders, name) {
  if (!/^[a-z0-9-]+$/.test(name)) {
    process.stderr.write(`test-integration: ignoring a screenshot with a bad name: ${name}\n`);
    return;
  }
  const folder = process.argv.includes('--update-docs') ? 'docs' : join('out', 'screenshots');
  const docs = join(projectRoot, folder);
  mkdirSync(docs, { recursive: true });
  const partial = join(folders.root, `${name}.png`);
  try {
    await page.screenshot({ path: partial });
    renameSync(partial, join(docs, `${name}.png`));
    log(`saved ${folder}/${name}.png`);
  } catch (error) {
    process.stderr.write(`test-integration: screenshot ${name} failed: ${error.message}\n`);
  }
  writeFileSync(join(folders.signals, `${name}.done`), '');
}

/** Drags the sash at the sidebar's right edge until the sidebar is `width` pixels wide, then signals sidebar.done. */
async function resizeSidebar(page, folders, width) {
  try {
    const box = await page.locator('[id="workbench.parts.sidebar"]').boundingBox();
    if (box && Number.isFinite(width)) {
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + box.width - 1, y);
      await page.mouse.down();
      await page.mouse.move(box.x + width, y, { steps: 8 });
      await page.mouse.up();
    }
  } catch (error) {
    process.stderr.write(`test-integration: resizing the sidebar failed: ${error.message}\n`);
  }
  writeFileSync(join(folders.signals, 'sidebar.done'), '');
}

function printFailureDetails(details) {
  if (!details) return;
  const tail = (text, lines) => text.split('\n').slice(-lines).join('\n');
  process.stderr.write(`\n--- code-server output (last 40 lines) ---\n${tail(details.serverOutput ?? '', 40)}\n`);
  process.stderr.write(`--- emulator output (last 20 lines) ---\n${tail(details.emulatorOutput ?? '', 20)}\n`);
  process.stderr.write(
    `--- browser console (last 40 lines) ---\n${(details.browserLog ?? []).slice(-40).join('\n')}\n`,
  );
  if (details.folders) process.stderr.write(`--- run folder (logs, workspace): ${details.folders.root}\n`);
}

async function main() {
  requireCodeServer();
  log('building');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'inherit' });

  let result;
  for (let attempt = 1; ; attempt += 1) {
    try {
      result = await runOnce(attempt);
      break;
    } catch (error) {
      printFailureDetails(error.details);
      await cleanUp();
      if (error instanceof InfrastructureError && attempt < 2) {
        process.stderr.write(`test-integration: ${error.message}; starting again\n`);
        continue;
      }
      throw error;
    }
  }
  await cleanUp();

  let code = result.code;
  const leaks = [
    ...filesContaining(result.folders.userData, TEST_TOKEN),
    ...filesContaining(result.folders.tmp, TEST_TOKEN),
    ...(result.transcript.some((line) => line.includes(TEST_TOKEN)) ? ['the test output'] : []),
  ];
  if (leaks.length > 0) {
    process.stderr.write(`test-integration: FAILED: the API token appears in: ${leaks.join(', ')}\n`);
    code = code === 0 ? 1 : code;
  } else {
    log('the API token appears in no log file of the run');
  }
  if (code !== 0) {
    printFailureDetails(result);
    process.stderr.write(`test-integration: FAILED (exit code ${code})\n`);
  } else {
    log('passed');
  }
  runFolders.forEach(removeRunTmp);
  return code;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (error) => {
    await cleanUp();
    runFolders.forEach(removeRunTmp);
    process.stderr.write(`test-integration: FAILED: ${error.message}\n`);
    process.exitCode = 1;
  },
);
