import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface FakeReply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** An object is sent as JSON. */
  readonly body?: unknown;
  /** Destroy the socket instead of answering. */
  readonly drop?: boolean;
  /** Answer after this many ms (for timeouts). */
  readonly delayMs?: number;
}

export type FakeHandler = (request: SeenRequest) => FakeReply;

/**
 * A tiny HTTP server on 127.0.0.1 for client tests that need exact control over each answer.
 * Replies come from a queue first, then from the default handler.
 */
export class FakeServer {
  readonly requests: SeenRequest[] = [];
  /** TCP connections accepted, to check that the client keeps them alive. */
  connections = 0;
  private readonly queue: FakeReply[] = [];
  private readonly server: Server;
  private readonly open = new Set<ServerResponse>();

  constructor(private handler: FakeHandler = () => ({ body: ok(null) })) {
    this.server = createServer((request, response) => this.handle(request, response));
    this.server.on('connection', () => {
      this.connections++;
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/client/v4`;
  }

  async stop(): Promise<void> {
    for (const response of this.open) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queues replies for the next requests, in order. */
  enqueue(...replies: FakeReply[]): void {
    this.queue.push(...replies);
  }

  setHandler(handler: FakeHandler): void {
    this.handler = handler;
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const seen: SeenRequest = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.requests.push(seen);
      const reply = this.queue.shift() ?? this.handler(seen);
      if (reply.drop === true) {
        request.socket.destroy();
        return;
      }
      const send = (): void => {
        this.open.delete(response);
        const body = reply.body;
        const text = typeof body === 'string' ? body : JSON.stringify(body ?? ok(null));
        response.writeHead(reply.status ?? 200, {
          'content-length': Buffer.byteLength(text),
          'content-type': typeof body === 'string' ? 'text/plain' : 'application/json',
          ...reply.headers,
        });
        response.end(text);
      };
      this.open.add(response);
      if (reply.delayMs === undefined) send();
      else setTimeout(send, reply.delayMs).unref();
    });
  }
}

/** A success envelope. */
export function ok(result: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { success: true, errors: [], messages: [], result, ...extra };
}

/** A failure envelope. */
export function failure(
  ...errors: { code: number; message: string; error_chain?: unknown[] }[]
): Record<string, unknown> {
  return { success: false, errors, messages: [], result: null };
}
