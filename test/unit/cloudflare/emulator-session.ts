// The setup the client-against-emulator tests share: one emulator over HTTP on fake time, clients that log every request.
import { CloudflareClient, type CloudflareClientOptions, type RequestLogEntry } from '../../../cloudflare/src/api';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { FakeClock } from '../../contract/support/fake-clock';

export interface EmulatorSession {
  readonly emulator: RunningEmulator;
  /** The id of the session's zone on the emulator. */
  readonly zoneId: string;
  /** The client's and the emulator's time; its sleeps are emptied before each test. */
  readonly clock: FakeClock;
  /** The requests of the current test's clients, as their `onRequest` saw them. */
  readonly log: RequestLogEntry[];
  /** A client of the emulator on the fake clock, closed after the test. */
  readonly client: (options?: CloudflareClientOptions) => CloudflareClient;
}

/**
 * Registers mocha hooks in the calling `describe`: an emulator started once (reset before each test) and the clients
 * of each test closed after it. The session's fields are read inside tests and hooks, once `before` has run.
 */
export function useEmulatorSession(zone: string): EmulatorSession {
  let emulator: RunningEmulator | undefined;
  let zoneId = '';
  const clock = new FakeClock();
  let log: RequestLogEntry[] = [];
  const clients: CloudflareClient[] = [];

  const started = (): RunningEmulator => {
    if (!emulator) throw new Error('the emulator session is read before its before() hook ran');
    return emulator;
  };

  before(async () => {
    emulator = await startEmulator({
      plan: 'pro',
      email: 'admin@example.com',
      globalKey: '0123456789abcdef0123456789abcdef01234',
      // The emulator's rate-limit windows follow the same fake time as the client's budget and backoff.
      clock: () => clock.now(),
    });
    zoneId = emulator.zoneId(zone);
  });

  beforeEach(() => {
    started().reset();
    log = [];
    clock.sleeps.length = 0;
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  after(async () => {
    await emulator?.stop();
  });

  return {
    get emulator() {
      return started();
    },
    get zoneId() {
      return zoneId;
    },
    clock,
    get log() {
      return log;
    },
    client: (options = {}) => {
      const emulator = started();
      const created = new CloudflareClient({
        credentials: { token: emulator.token },
        baseUrl: emulator.url,
        clock,
        random: () => 0,
        onRequest: (entry) => log.push(entry),
        env: {},
        ...options,
      });
      clients.push(created);
      return created;
    },
  };
}
