import { CloudflareClient, type CloudflareClientOptions, type RequestLogEntry } from '../../../cloudflare/src/api';
import { FakeClock } from './fake-clock';
import { FakeServer, type SeenRequest } from './fake-server';

export const TOKEN = 'test-token-0123456789abcdef';
export const ZONE = '023e105f4ecef8ad9ca31a8372d0c353';
export const RECORD = '372e67954025e0ba6aaa6d586b9e0b59';

/** A record as the API returns it, for scripted answers. */
export function sampleRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: RECORD,
    name: 'www.example.com',
    type: 'A',
    content: '198.51.100.4',
    ttl: 1,
    proxied: false,
    proxiable: true,
    meta: {},
    created_on: '2026-11-26T17:00:00Z',
    modified_on: '2026-11-26T17:00:00Z',
    ...overrides,
  };
}

/**
 * A scripted server plus clients pointed at it with a fake clock (no real waiting), jitter 0 and a request log.
 * One per test: start() in beforeEach, stop() in afterEach.
 */
export class ClientHarness {
  readonly server = new FakeServer();
  readonly clock = new FakeClock();
  readonly log: RequestLogEntry[] = [];
  readonly clients: CloudflareClient[] = [];
  baseUrl = '';

  async start(): Promise<this> {
    this.baseUrl = await this.server.start();
    return this;
  }

  client(options: CloudflareClientOptions = {}): CloudflareClient {
    const created = new CloudflareClient({
      credentials: { token: TOKEN },
      baseUrl: this.baseUrl,
      clock: this.clock,
      random: () => 0,
      onRequest: (entry) => this.log.push(entry),
      env: {},
      ...options,
    });
    this.clients.push(created);
    return created;
  }

  /** The last request the server received. */
  last(): SeenRequest {
    const request = this.server.requests[this.server.requests.length - 1];
    if (request === undefined) throw new Error('the server has received no request');
    return request;
  }

  async closeClients(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((client) => client.close()));
  }

  async stop(): Promise<void> {
    await this.closeClients();
    await this.server.stop();
  }
}
