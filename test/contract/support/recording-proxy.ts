import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Exchange } from './openapi-validator';

/**
 * A reverse proxy on 127.0.0.1 that forwards every request to `target` unchanged and records both sides,
 * so a contract test sees exactly what the client sent and what the server answered.
 */
export class RecordingProxy {
  readonly exchanges: Exchange[] = [];
  private readonly server: Server;
  private readonly target: URL;

  constructor(targetBaseUrl: string) {
    this.target = new URL(targetBaseUrl);
    this.server = createServer((incoming, outgoing) => {
      void this.forward(incoming).then(
        (exchange) => {
          this.exchanges.push(exchange);
          outgoing.writeHead(exchange.status, exchange.responseHeaders as Record<string, string | string[]>);
          outgoing.end(exchange.responseBody);
        },
        () => incoming.socket.destroy(),
      );
    });
  }

  /** Starts listening; returns the base URL to give the client (same path as the target's). */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}${this.target.pathname}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async forward(incoming: IncomingMessage): Promise<Exchange> {
    const requestBody = await readAll(incoming);
    const headers = { ...incoming.headers, host: this.target.host };
    return new Promise<Exchange>((resolve, reject) => {
      const upstream = request(
        {
          host: this.target.hostname,
          port: this.target.port,
          method: incoming.method,
          path: incoming.url,
          headers,
        },
        (response) => {
          void readAll(response).then((responseBody) =>
            resolve({
              method: incoming.method ?? 'GET',
              url: incoming.url ?? '/',
              requestHeaders: incoming.headers,
              requestBody,
              status: response.statusCode ?? 0,
              responseHeaders: response.headers,
              responseBody,
            }),
          );
        },
      );
      upstream.on('error', reject);
      upstream.end(requestBody);
    });
  }
}

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
