import type { AddressInfo } from 'node:net';
import { Emulator, type EmulatorConfig } from './emulator';
import type { FaultInjector } from './faults';
import type { RateLimitConfig } from './rate-limit';
import type { RequestLog } from './request-log';
import { isLoopbackHost } from './hosts';
import { createEmulatorServer } from './server';

export { Emulator, generateToken, type EmulatorConfig, type ZoneOption } from './emulator';
export type { FaultKind, FaultSpec, ActiveFault } from './faults';
export type { LogEntry, LogQuery } from './request-log';
export type { PlanName } from './plans';
export { planNames, isPlanName } from './plans';
export type { ScanCandidate } from './scan';
export { defaultScanCandidates } from './scan';
export type { RateLimitConfig } from './rate-limit';
export { isLoopbackHost } from './hosts';

export interface EmulatorOptions extends EmulatorConfig {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 0: a free port. */
  readonly port?: number;
  /** Required to listen on a host that is not a loopback address. */
  readonly allowRemote?: boolean;
}

/** A running emulator. */
export interface RunningEmulator {
  /** The API base URL, e.g. `http://127.0.0.1:41234/client/v4`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** The token the emulator accepts (generated when none was given). */
  readonly token: string;
  readonly zones: readonly { readonly id: string; readonly name: string; readonly plan: string }[];
  /** The id of a zone by name. Throws when there is no such zone. */
  zoneId(name: string): string;
  /** The records of a zone (name or id) as the API returns them. */
  records(zone: string): Record<string, unknown>[];
  readonly faults: FaultInjector;
  readonly log: RequestLog;
  /** The account-wide budget (default 1,200 requests per 5 minutes per credential). */
  setRateLimit(config: RateLimitConfig): void;
  /** The import endpoint's own limit (default 3 per minute per credential). */
  setImportRateLimit(config: RateLimitConfig): void;
  /** Initial records back, faults, log and rate limit windows cleared. */
  reset(): void;
  /** The emulator behind the server, for direct inspection. */
  readonly emulator: Emulator;
  stop(): Promise<void>;
}

/** Starts the emulator on HOST:PORT and resolves when it is listening. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && options.allowRemote !== true) {
    throw new Error(
      `refusing to listen on ${host}: it is not a loopback address (allow it explicitly to serve other machines)`,
    );
  }
  const emulator = new Emulator(options);
  const server = createEmulatorServer(emulator);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/client/v4`,
    host,
    port,
    token: emulator.token,
    zones: emulator.zones.all().map((zone) => ({ id: zone.info.id, name: zone.info.name, plan: zone.info.plan })),
    zoneId(name) {
      const zone = emulator.zone(name);
      if (zone === undefined) throw new Error(`the emulator serves no zone '${name}'`);
      return zone.info.id;
    },
    records: (zone) => emulator.records(zone),
    faults: emulator.faults,
    log: emulator.log,
    setRateLimit: (config) => emulator.limiter.configure(config),
    setImportRateLimit: (config) => emulator.importLimiter.configure(config),
    reset: () => emulator.reset(),
    emulator,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
