import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { adminPrefix, handleAdmin } from './admin';
import type { Emulator } from './emulator';
import { failure, type ApiResponse } from './envelope';
import { apiErrors } from './errors';
import type { ActiveFault } from './faults';
import { stripApiPrefix } from './path-pattern';
import { blockedHeaders } from './rate-limit';

const apiPrefix = '/client/v4';
/** Larger than any request Cloudflare takes (a 3,500-change batch, a 256 KiB import with its multipart framing). */
const maxBodyBytes = 32 * 1024 * 1024;

/** Puts an Emulator on node:http: faults first, then the API, then the request log. */
export function createEmulatorServer(emulator: Emulator): Server {
  const server = createServer({ keepAlive: true }, (request, response) => {
    serve(emulator, request, response).catch((error: unknown) => {
      process.stderr.write(`zone-records emulator: ${String(error)}\n`);
      if (!response.headersSent) write(response, failure(apiErrors.internal()));
    });
  });
  return server;
}

async function serve(emulator: Emulator, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = (request.method ?? 'GET').toUpperCase();
  const url = new URL(request.url ?? '/', 'http://emulator.invalid');
  const body = await readBody(request);
  if (url.pathname === adminPrefix || url.pathname.startsWith(`${adminPrefix}/`)) {
    const answer =
      body === undefined
        ? failure(apiErrors.bodyTooLarge())
        : handleAdmin(emulator, method, url.pathname, url.searchParams, request.headers, body);
    write(response, answer);
    return;
  }
  const path = stripApiPrefix(url.pathname);
  const { delayMs, fault } = emulator.faults.take(method, path);
  if (delayMs > 0) await sleep(delayMs);
  const logEntry = (status: number, applied?: ActiveFault): void =>
    emulator.log.add({
      time: new Date().toISOString(),
      method,
      path,
      query: url.search,
      status,
      ...(applied !== undefined ? { fault: applied.kind } : delayMs > 0 ? { fault: 'delay' } : {}),
    });

  if (fault?.kind === 'drop') {
    logEntry(0, fault);
    request.socket.destroy();
    return;
  }
  let answer: ApiResponse;
  if (fault?.kind === 'status') {
    answer = failure(apiErrors.injected(fault.status ?? 500));
  } else if (fault?.kind === 'rate-limit') {
    const retryAfter = fault.retryAfter ?? 1;
    const refused = failure(apiErrors.rateLimited(retryAfter));
    answer = { ...refused, headers: { ...blockedHeaders(emulator.limiter, retryAfter), ...refused.headers } };
  } else if (body === undefined) {
    answer = failure(apiErrors.bodyTooLarge());
  } else if (url.pathname !== apiPrefix && !url.pathname.startsWith(`${apiPrefix}/`)) {
    answer = failure(apiErrors.noRoute(url.pathname));
  } else {
    answer = emulator.handle({ method, path, query: url.searchParams, headers: request.headers, body });
  }
  if (fault?.kind === 'drop-after') {
    logEntry(0, fault);
    request.socket.destroy();
    return;
  }
  logEntry(answer.status, fault);
  write(response, answer);
}

/** The whole body, or undefined when it is larger than the emulator reads. */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) tooLarge = true;
    else chunks.push(buffer);
  }
  return tooLarge ? undefined : Buffer.concat(chunks);
}

function write(response: ServerResponse, answer: ApiResponse): void {
  const isText = typeof answer.body === 'string' && answer.contentType !== undefined;
  const payload = isText ? String(answer.body) : JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'content-type': isText ? (answer.contentType ?? 'text/plain') : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...answer.headers,
  });
  response.end(payload);
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
