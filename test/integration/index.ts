/**
 * Entry point of the integration suite inside the extension host (bundled to dist/test/integration/index.js).
 * VS Code calls `run()`; its promise settles when mocha is done and becomes the test run's exit code.
 */
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // Test files call describe/it while they load, so the globals must exist before they are required.
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  // In order: credentials first, then the zone is filled by import, then records, sync and the editor.
  await import('./suite/activation.test.js');
  await import('./suite/account.test.js');
  await import('./suite/zone.test.js');
  await import('./suite/records.test.js');
  await import('./suite/sync.test.js');
  await import('./suite/safeguards.test.js');
  await import('./suite/editor.test.js');
  await import('./suite/diagnostics.test.js');
  await import('./suite/log.test.js');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) {
    throw new Error(`${failures} integration test(s) failed`);
  }
}
