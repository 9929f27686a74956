import type { Connection } from 'vscode-languageserver';
import { serverStatsRequest, type ServerStats } from '../../../protocol/src/index';
import type { OpenDocuments } from '../documents';

/** Answers `zoneRecords/serverStats`: memory after a garbage collection when node runs with --expose-gc. */
export function registerServerStats(connection: Connection, documents: OpenDocuments): void {
  connection.onRequest(serverStatsRequest, (): ServerStats => {
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
    const memory = process.memoryUsage();
    return { documents: documents.size, heapUsed: memory.heapUsed, rss: memory.rss, collected: collect !== undefined };
  });
}
