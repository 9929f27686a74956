// `npm run test:electron`: the same integration suite in desktop VS Code through @vscode/test-electron, which
// downloads VS Code (needs the internet; CI uses test-integration.mjs with code-server instead).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { execFileSync } from 'node:child_process';
import { projectRoot, startEmulator } from './vscode-web.mjs';

const token = `zr-electron-${process.pid}-SECRET`;
execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'inherit' });
const workspace = mkdtempSync(join(tmpdir(), 'zr-ws-'));
cpSync(join(projectRoot, 'test/fixtures/integration'), workspace, { recursive: true });
const emulator = await startEmulator({ token, zones: { 'example.com': '', 'example.org': '' }, env: process.env });
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: projectRoot,
    extensionTestsPath: join(projectRoot, 'dist/test/integration/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: {
      ZONE_RECORDS_TEST_TOKEN: token,
      ZONE_RECORDS_TEST_API_URL: emulator.url,
      ZONE_RECORDS_TEST_ZONE_IDS: JSON.stringify(emulator.zoneIds),
      ZONE_RECORDS_TEST_WORKSPACE: workspace,
      CLOUDFLARE_API_BASE_URL: emulator.url,
      // The suite starts without credentials and sets them itself.
      CLOUDFLARE_API_TOKEN: '',
      CLOUDFLARE_EMAIL: '',
      CLOUDFLARE_API_KEY: '',
    },
  });
} catch (error) {
  process.stderr.write(`test-electron: FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await emulator.stop();
}
