import type * as vscode from 'vscode';
import { type RunningEmulator, startEmulator } from '../../emulator/src/index';

/**
 * The local Cloudflare emulator, run inside the extension host: the packaged extension has no `zone-records`
 * program to start, and an in-process server needs no Node binary, port file or child process to clean up.
 */
export class LocalEmulator implements vscode.Disposable {
  private running: RunningEmulator | undefined;

  get current(): RunningEmulator | undefined {
    return this.running;
  }

  /** Starts it (once) on a free loopback port, serving `zones`; with `statePath` its records outlive a restart. */
  async start(zones: readonly string[], statePath: string | undefined): Promise<RunningEmulator> {
    this.running ??= await startEmulator({
      zones: zones.map((name) => ({ name })),
      ...(statePath === undefined ? {} : { statePath }),
    });
    return this.running;
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.stop();
  }

  dispose(): void {
    void this.stop();
  }
}
