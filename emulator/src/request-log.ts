import { pathMatcher } from './path-pattern';

/** One request the emulator received (admin requests are not logged). */
export interface LogEntry {
  readonly time: string;
  readonly method: string;
  /** Below /client/v4, without the query. */
  readonly path: string;
  readonly query: string;
  /** The status answered, or 0 when the connection was dropped. */
  readonly status: number;
  /** The injected fault that shaped the answer, if any. */
  readonly fault?: string;
}

export interface LogQuery {
  readonly method?: string;
  /** A path glob as for faults. */
  readonly path?: string;
}

/** Every API request in order, for tests that count calls. */
export class RequestLog {
  private items: LogEntry[] = [];
  private readonly listeners: ((entry: LogEntry) => void)[] = [];

  add(entry: LogEntry): void {
    this.items.push(entry);
    for (const listener of this.listeners) listener(entry);
  }

  /** Calls `listener` with every entry from now on (the CLI's --verbose prints them). */
  subscribe(listener: (entry: LogEntry) => void): void {
    this.listeners.push(listener);
  }

  entries(query: LogQuery = {}): LogEntry[] {
    const matches = query.path === undefined ? () => true : pathMatcher(query.path);
    const method = query.method?.toUpperCase();
    return this.items.filter((entry) => (method === undefined || entry.method === method) && matches(entry.path));
  }

  count(query: LogQuery = {}): number {
    return this.entries(query).length;
  }

  clear(): void {
    this.items = [];
  }
}
